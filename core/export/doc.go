// Package export writes a trained network and its run in forms other tools
// read, and reads netfit's own model file back:
//
//   - [TFJS]: a TensorFlow.js Layers model (model.json and a weights file)
//     that tf.loadLayersModel loads, with the input and target
//     standardization folded into the first and last dense layers, so the
//     export is a plain stack of dense layers that needs no preprocessing.
//   - [Save] and [Load]: netfit's versioned model file, the settings, the
//     scalers and the weights, which re-imports and continues training.
//   - [KerasScript]: a runnable Python script that repeats the run in Keras.
//   - [DataChartSVG] and [LossChartSVG]: the page's two charts as SVG.
//   - [PredictionsCSV]: x, y, the prediction and the split of every row.
//
// It sits above core/train and core/settings and below the page (wasm/),
// which only turns the bytes returned here into downloads.
package export
