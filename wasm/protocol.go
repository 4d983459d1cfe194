//go:build js && wasm

package main

// Message types between the page and the worker. Every message is a plain
// object with a "type" field; series travel as Float64Arrays.
//
// Page → worker:
//
//	configure {token, fragment, x, y}  new settings and data; stops training, builds a trainer
//	train     {}                       train until done or paused
//	step      {}                       train one epoch
//	pause     {}                       stop after the current batch
//	reset     {}                       new trainer with the same settings (same initial weights)
//	predict   {id, x}                  predictions at x
//
// Worker → page:
//
//	ready      {kernel}                 the worker's Go code runs
//	configured {token, error, field, weights, trainRows, valRows, batch, notes}
//	progress   {token, running, stopped, finished, reason, epoch, step,
//	            elapsed, samplesPerSecond, from, loss, valLoss,
//	            train, val, curveX, curveY, points, error, notes, hints}
//	predicted  {id, y, extrapolated, error}
//	fatal      {message}                the worker could not start (worker.js)
const (
	msgConfigure  = "configure"
	msgTrain      = "train"
	msgStep       = "step"
	msgPause      = "pause"
	msgReset      = "reset"
	msgPredict    = "predict"
	msgReady      = "ready"
	msgConfigured = "configured"
	msgProgress   = "progress"
	msgPredicted  = "predicted"
	msgFatal      = "fatal"
)
