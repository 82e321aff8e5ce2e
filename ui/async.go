package ui

import "fyne.io/fyne/v2"

// runAsync runs work off the UI goroutine, then done on it (through fyne.Do).
// Every slow call of a screen (store, service, files) goes through it.
// Tests replace it with a synchronous version: Fyne's test driver runs
// fyne.Do callbacks on the calling goroutine, so real background work would
// race with the test goroutine.
var runAsync = func(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

// runOnUI runs f on the UI goroutine (through fyne.Do); work started by
// runAsync sends its intermediate updates, such as progress, through it.
// Tests replace it with a direct call, for the same reason as runAsync.
var runOnUI = func(f func()) { fyne.Do(f) }
