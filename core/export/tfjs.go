package export

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"

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
	js, err := json.MarshalIndent(modelJSON(layers, weightsName), "", " ")
	if err != nil {
		return nil, fmt.Errorf("export: model.json: %v", err)
	}
	return &TFJSModel{ModelJSON: js, Weights: weightBytes(layers), WeightsName: weightsName}, nil
}

// weightBytes concatenates every layer's kernel then bias as little-endian
// float32, the order of the weights manifest.
func weightBytes(layers []Layer) []byte {
	var b []byte
	for _, l := range layers {
		for _, v := range append(append([]float32(nil), l.W...), l.B...) {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	return b
}

// The JSON shapes of a TensorFlow.js Layers model file (tfjs-layers'
// ModelArtifacts with a Keras Sequential topology; snake_case as Keras
// writes it, which tfjs-layers converts when it loads).
type (
	tfjsFile struct {
		Format          string         `json:"format"`
		GeneratedBy     string         `json:"generatedBy"`
		ConvertedBy     any            `json:"convertedBy"`
		ModelTopology   topology       `json:"modelTopology"`
		WeightsManifest []weightsGroup `json:"weightsManifest"`
	}
	topology struct {
		ClassName    string    `json:"class_name"`
		Config       seqConfig `json:"config"`
		KerasVersion string    `json:"keras_version"`
		Backend      string    `json:"backend"`
	}
	seqConfig struct {
		Name   string       `json:"name"`
		Layers []layerEntry `json:"layers"`
	}
	layerEntry struct {
		ClassName string         `json:"class_name"`
		Config    map[string]any `json:"config"`
	}
	weightsGroup struct {
		Paths   []string     `json:"paths"`
		Weights []weightSpec `json:"weights"`
	}
	weightSpec struct {
		Name  string `json:"name"`
		Shape []int  `json:"shape"`
		DType string `json:"dtype"`
	}
)

// modelJSON builds the model.json of a Sequential of dense layers (and
// LeakyReLU layers where needed).
func modelJSON(layers []Layer, weightsName string) tfjsFile {
	var entries []layerEntry
	var specs []weightSpec
	for i, l := range layers {
		name := fmt.Sprintf("dense_%d", i+1)
		cfg := map[string]any{
			"name": name, "trainable": true, "dtype": "float32",
			"units": l.Out, "activation": l.Activation, "use_bias": true,
			"kernel_initializer": map[string]any{"class_name": "Zeros", "config": map[string]any{}},
			"bias_initializer":   map[string]any{"class_name": "Zeros", "config": map[string]any{}},
		}
		if i == 0 {
			cfg["batch_input_shape"] = []any{nil, l.In}
		}
		entries = append(entries, layerEntry{ClassName: "Dense", Config: cfg})
		if l.LeakyAlpha > 0 {
			entries = append(entries, layerEntry{ClassName: "LeakyReLU", Config: map[string]any{
				"name": fmt.Sprintf("leaky_re_lu_%d", i+1), "trainable": true,
				"dtype": "float32", "alpha": l.LeakyAlpha,
			}})
		}
		specs = append(specs,
			weightSpec{Name: name + "/kernel", Shape: []int{l.In, l.Out}, DType: "float32"},
			weightSpec{Name: name + "/bias", Shape: []int{l.Out}, DType: "float32"})
	}
	return tfjsFile{
		Format: "layers-model", GeneratedBy: "netfit",
		ModelTopology: topology{
			ClassName:    "Sequential",
			Config:       seqConfig{Name: "netfit", Layers: entries},
			KerasVersion: "tfjs-layers 4.22.0", Backend: "tensor_flow.js",
		},
		WeightsManifest: []weightsGroup{{Paths: []string{weightsName}, Weights: specs}},
	}
}
