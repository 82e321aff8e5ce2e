package service

import (
	"runtime"
	"sync"

	"kinerja/data"
)

// eachPrepared calls fn(r, i) for i from 0 to n-1, spread over the
// processors; each worker has its own preparation of rules (a
// data.PreparedRules is not shared between goroutines). The office-wide
// recap and PP 94/2021 count derive thousands of months this way.
func eachPrepared(n int, rules data.AttendanceRules, fn func(r *data.PreparedRules, i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		p := rules.Prepare()
		for i := range n {
			fn(p, i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := rules.Prepare()
			for i := w; i < n; i += workers {
				fn(p, i)
			}
		}()
	}
	wg.Wait()
}
