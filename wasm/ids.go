//go:build js && wasm

package main

// Element ids of site/index.html, spelled from the glossary. An error
// message for a control goes in the element with the control's id plus
// "-error".
const (
	idProblems   = "problems"
	idRestored   = "restored"    // the note that the last visit's settings are back (state.go)
	idStartFresh = "start-fresh" // its button: the defaults instead

	// Presets.
	idPresetKerasPoly   = "preset-keras-poly"
	idPresetKerasSine   = "preset-keras-sine"
	idPresetRecommended = "preset-recommended"

	// Data.
	idDataPreset  = "data-preset"
	idDataFormula = "data-formula"
	idSamples     = "samples"
	idNoise       = "noise"
	idXMin        = "x-min"
	idXMax        = "x-max"
	idXRange      = "x-range" // error slot shared by x-min and x-max
	idSeed        = "seed"
	idRegenerate  = "regenerate"
	idDataInput   = "data-input" // the formula and table sources (datainput.go)

	// Data input (datainput.go).
	idDataSource      = "data-source"
	idFormula         = "formula"
	idCSVPanel        = "csv-panel"
	idCSVText         = "csv-text"
	idCSVUse          = "csv-use"
	idCSVFile         = "csv-file"
	idXColumn         = "x-column"
	idYColumn         = "y-column"
	idDataReport      = "data-report"
	idFeatureSquare   = "feature-square"
	idFeatureCube     = "feature-cube"
	idFeaturePeriodic = "feature-periodic"
	idFeaturePeriod   = "feature-period"

	// Model.
	idLayers           = "layers"
	idAddLayer         = "add-layer"
	idOutputActivation = "output-activation"
	idInitializer      = "initializer"
	idScaleX           = "scale-x"
	idScaleY           = "scale-y"
	idDropout          = "dropout"
	idL2               = "l2"
	idWeightsCount     = "weights-count"

	// Training.
	idOptimizer    = "optimizer"
	idLearningRate = "learning-rate"
	idAdvanced     = "advanced"
	idBeta1        = "beta1"
	idBeta2        = "beta2"
	idEpsilon      = "epsilon"
	idMomentum     = "momentum"
	idRho          = "rho"
	idNesterov     = "nesterov"
	idSchedule     = "schedule"
	idLoss         = "loss"
	idBatchSize    = "batch-size"
	idEpochs       = "epochs"
	idValFraction  = "val-fraction"
	idSplit        = "split"
	idPatience     = "patience"
	idRestoreBest  = "restore-best"

	// Run.
	idTrain    = "train"
	idStep     = "step"
	idReset    = "reset"
	idStatus   = "status"
	idRunError = "run-error"
	idHints    = "hints"
	idNotes    = "notes"
	idKernel   = "kernel"

	// Charts.
	idDataChart     = "data-chart"
	idParityChart   = "parity-chart"
	idResidualChart = "residual-chart"
	idLossChart     = "loss-chart"
	idShowPoints    = "show-points"
	idXRanges       = "x-ranges" // the x ranges of the row sets, under the data chart

	// Numbers.
	idNumEpoch   = "num-epoch"
	idNumLoss    = "num-loss"
	idNumValLoss = "num-val-loss"
	idNumR2      = "num-r2"
	idNumValR2   = "num-val-r2"
	idNumLineR2  = "num-line-r2"
	idNumMSE     = "num-mse"
	idNumMAE     = "num-mae"
	idNumMAPE    = "num-mape"
	idNumWeights = "num-weights"
	idNumSteps   = "num-steps"
	idNumSpeed   = "num-speed"
	idNumElapsed = "num-elapsed"

	// Export and embedding (exportpanel.go, embed.go).
	idExportTFJS        = "export-tfjs"
	idExportModel       = "export-model"
	idLoadModel         = "load-model"
	idExportKeras       = "export-keras"
	idExportDataSVG     = "export-data-svg"
	idExportDataPNG     = "export-data-png"
	idExportLossSVG     = "export-loss-svg"
	idExportLossPNG     = "export-loss-png"
	idExportPredictions = "export-predictions"
	idExportError       = "export-error"
	idExportNote        = "export-note"
	idCopyEmbed         = "copy-embed"
	idEmbedCode         = "embed-code"
	idEmbedNote         = "embed-note"
	idOpenFull          = "open-full" // the embed view's link to the full trainer
)

// fieldControls maps a train.Config field, as a train.FieldError names it,
// to the control whose error slot shows the message.
var fieldControls = map[string]string{
	"Model":           idLayers,
	"Model.Dropout":   idDropout,
	"Model.L2":        idL2,
	"Optimizer":       idOptimizer,
	"LearningRate":    idLearningRate,
	"Momentum":        idAdvanced,
	"Beta1":           idAdvanced,
	"Beta2":           idAdvanced,
	"Epsilon":         idAdvanced,
	"Rho":             idAdvanced,
	"Schedule":        idAdvanced,
	"BatchSize":       idBatchSize,
	"Epochs":          idEpochs,
	"ValFraction":     idValFraction,
	"Split":           idValFraction,
	"Patience":        idPatience,
	"Loss":            idRunError,
	"Features.Period": idFeaturePeriod,
}
