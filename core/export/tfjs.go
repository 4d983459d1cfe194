package export

import (
	"fmt"
	"strconv"
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// DefaultWeightsName is the weights file name [TFJS] writes into model.json
// when none is given. The two files must sit in the same folder.
const DefaultWeightsName = "model.weights.bin"

// TFJSModel is a network in the TensorFlow.js Layers format: a model.json
// and one weights file that model.json names by a relative path.
type TFJSModel struct {
	ModelJSON   []byte // the model.json file
	Weights     []byte // every kernel and bias in order, little-endian float32
	WeightsName string // the weights file's name, as model.json gives it
}

// TFJS writes the trainer's network as a TensorFlow.js Layers model with
// the standardization folded in (see [Fold]); weightsName "" means
// [DefaultWeightsName]. Load it in a page with
//
//	const model = await tf.loadLayersModel('model.json');
//	model.predict(tf.tensor2d([[x]], [1, 1]));   // y in original units
//
// It returns the errors of [Fold].
func TFJS(t *train.Trainer, weightsName string) (*TFJSModel, error) {
	x, y := t.Scalers()
	return TFJSOf(t.Model(), t.Config().Features, x, y, weightsName)
}

// TFJSOf is [TFJS] for a network m, its features f and its scalers.
func TFJSOf(m *nn.MLP, f data.Features, x, y data.Scaler, weightsName string) (*TFJSModel, error) {
	layers, err := Fold(m, f, x, y)
	if err != nil {
		return nil, err
	}
	if weightsName == "" {
		weightsName = DefaultWeightsName
	}
	js := []byte(modelJSON(layers, weightsName))
	return &TFJSModel{ModelJSON: js, Weights: weightBytes(layers), WeightsName: weightsName}, nil
}

// weightBytes concatenates every layer's kernel then bias as little-endian
// float32, the order of the weights manifest.
func weightBytes(layers []Layer) []byte {
	var b []byte
	for _, l := range layers {
		b = append(b, float32Bytes(l.W)...)
		b = append(b, float32Bytes(l.B)...)
	}
	return b
}

// modelJSON writes the model.json of a Sequential of dense layers (and
// LeakyReLU layers where needed): tfjs-layers' ModelArtifacts with a Keras
// topology, in snake_case as Keras writes it, which tfjs-layers converts
// when it loads.
func modelJSON(layers []Layer, weightsName string) string {
	q := jsonString
	zeros := jsonObject("", "class_name", q("Zeros"), "config", "{}")
	var entries, specs []string
	for i, l := range layers {
		name := fmt.Sprintf("dense_%d", i+1)
		cfg := []string{"name", q(name), "trainable", "true", "dtype", q("float32"),
			"units", strconv.Itoa(l.Out), "activation", q(l.Activation), "use_bias", "true",
			"kernel_initializer", zeros, "bias_initializer", zeros}
		if i == 0 {
			cfg = append(cfg, "batch_input_shape", fmt.Sprintf("[null, %d]", l.In))
		}
		entries = append(entries, jsonObject("", "class_name", q("Dense"), "config", jsonObject("", cfg...)))
		if l.LeakyAlpha > 0 {
			entries = append(entries, jsonObject("", "class_name", q("LeakyReLU"),
				"config", jsonObject("", "name", q(fmt.Sprintf("leaky_re_lu_%d", i+1)),
					"trainable", "true", "dtype", q("float32"), "alpha", jsonNumber(l.LeakyAlpha))))
		}
		specs = append(specs,
			jsonObject("", "name", q(name+"/kernel"), "shape", fmt.Sprintf("[%d, %d]", l.In, l.Out),
				"dtype", q("float32")),
			jsonObject("", "name", q(name+"/bias"), "shape", fmt.Sprintf("[%d]", l.Out),
				"dtype", q("float32")))
	}
	topology := jsonObject("  ",
		"class_name", q("Sequential"),
		"config", jsonObject("", "name", q("netfit"),
			"layers", "[\n    "+strings.Join(entries, ",\n    ")+"]"),
		"keras_version", q("tfjs-layers 4.22.0"),
		"backend", q("tensor_flow.js"))
	manifest := "[" + jsonObject("", "paths", "["+q(weightsName)+"]",
		"weights", "[\n    "+strings.Join(specs, ",\n    ")+"]") + "]"
	return jsonObject(" ", "format", q("layers-model"), "generatedBy", q("netfit"),
		"convertedBy", "null", "modelTopology", topology, "weightsManifest", manifest) + "\n"
}
