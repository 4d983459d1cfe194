package view

import (
	"testing"
	"time"
)

// TestClock counts slices of 40 ms for 100 steps each, then one slice of
// the same steps that took 4 s because the tab was frozen (CASES B30): it
// counts as 40 ms. A slice twice as slow as usual (a busy machine) counts
// in full.
func TestClock(t *testing.T) { // 5·40 + 40 + 80 = 320 ms counted
	var c Clock
	ms := time.Millisecond
	for range 5 {
		if got := c.Add(40*ms, 100); got != 40*ms {
			t.Fatalf("Add(40 ms, 100) = %v, want 40 ms", got)
		}
	}
	if got := c.Add(4*time.Second, 100); got != 40*ms {
		t.Errorf("a frozen slice counted %v, want the usual 40 ms", got)
	}
	if got := c.Add(80*ms, 100); got != 80*ms {
		t.Errorf("a slow slice counted %v, want its 80 ms", got)
	}
	if got, want := c.Total(), 320*ms; got != want {
		t.Errorf("Total = %v, want %v", got, want)
	}
	c.Reset()
	if c.Total() != 0 {
		t.Errorf("Total after Reset = %v, want 0", c.Total())
	}
}

// TestClockBigSteps uses steps of 0.75 s, one per slice, as the Keras sine
// model takes: a freeze of 60 s in one of them counts as 0.75 s.
func TestClockBigSteps(t *testing.T) {
	var c Clock
	step := 750 * time.Millisecond
	c.Add(step, 1)
	c.Add(step, 1)
	if got := c.Add(60*time.Second+step, 1); got != step {
		t.Errorf("a frozen slice counted %v, want %v", got, step)
	}
}
