//go:build js && wasm

package main

// Message types between the page and the worker. Every message is a plain
// object with a "type" field; series travel as Float64Arrays.
//
// Page → worker:
//
//	configure {token, fragment, x, y, model}
//	                                   new settings and data; stops training, builds a trainer
//	                                   (from the weights of model, a netfit model file's bytes, if given)
//	train     {}                       train until done or paused
//	step      {}                       train one epoch
//	pause     {}                       stop after the current batch
//	reset     {}                       new trainer with the same settings (same initial weights)
//	predict   {id, x}                  predictions at x
//	export    {id, kind, csvName}      files of the run made by core/export (export.go)
//
// Worker → page:
//
//	ready      {kernel}                 the worker's Go code runs
//	configured {token, error, field, weights, trainRows, valRows, batch, notes}
//	progress   {token, running, stopped, finished, reason, epoch, step,
//	            elapsed, samplesPerSecond, from, loss, valLoss, stats,
//	            stepsPerEpoch, failedEpoch,
//	            train, val, curveX, curveY, points, error, notes, hints}
//	predicted  {id, y, extrapolated, error}
//	exported   {id, kind, files: [{name, type, bytes}], error}
//	fatal      {message}                the worker could not start (worker.js)
const (
	msgConfigure  = "configure"
	msgTrain      = "train"
	msgStep       = "step"
	msgPause      = "pause"
	msgReset      = "reset"
	msgPredict    = "predict"
	msgExport     = "export"
	msgReady      = "ready"
	msgConfigured = "configured"
	msgProgress   = "progress"
	msgPredicted  = "predicted"
	msgExported   = "exported"
	msgFatal      = "fatal"
)
