package service

import (
	"runtime"
	"sync"

	"kinerja/data"
)

// worker is what one goroutine of eachWorker keeps from one person to the
// next: its preparation of the rules and the lists months are decoded into.
type worker struct {
	rules  *data.PreparedRules
	months []data.MonthDays
}

// eachWorker calls fn(w, i) for i from 0 to n-1, spread over the
// processors; each worker has its own preparation of rules (a
// data.PreparedRules is not shared between goroutines) and its own lists to
// decode months into. The office-wide recap and PP 94/2021 count derive
// thousands of months this way.
func eachWorker(n int, rules data.AttendanceRules, fn func(w *worker, i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		w := &worker{rules: rules.Prepare()}
		for i := range n {
			fn(w, i)
		}
		return
	}
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{rules: rules.Prepare()}
			for i := k; i < n; i += workers {
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}
