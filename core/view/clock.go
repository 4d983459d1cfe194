package view

import "time"

// Clock adds up the time spent training, one slice of work at a time, for
// the elapsed time and the speed the page shows. A browser freezes a
// background tab and its worker, sometimes in the middle of a slice (CASES
// B30); that slice then seems to take as long as the tab was hidden.
// Clock leaves such time out: a slice that took more than Factor times what
// its steps took on average so far (and more than Floor) counts for the
// average instead.
//
// The zero value is ready to use, with Factor 4 and Floor 100 ms.
type Clock struct {
	Factor float64       // how much slower than usual a slice may be; 0 means 4
	Floor  time.Duration // slices up to this long always count in full; 0 means 100 ms

	total   time.Duration
	perStep float64 // average seconds per step of the slices counted in full
}

// Add counts a slice of steps optimizer steps that took d, and returns the
// time counted.
func (c *Clock) Add(d time.Duration, steps int) time.Duration {
	counted := d
	if steps > 0 && c.perStep > 0 {
		usual := time.Duration(c.perStep * float64(steps) * float64(time.Second))
		if d > max(c.floor(), time.Duration(c.factor()*float64(usual))) {
			counted = usual
		}
	}
	if steps > 0 && counted == d {
		s := d.Seconds() / float64(steps)
		if c.perStep == 0 {
			c.perStep = s
		} else {
			c.perStep = 0.8*c.perStep + 0.2*s // a moving average
		}
	}
	c.total += counted
	return counted
}

// Total returns the time counted so far.
func (c *Clock) Total() time.Duration { return c.total }

// Reset forgets everything counted.
func (c *Clock) Reset() { *c = Clock{Factor: c.Factor, Floor: c.Floor} }

func (c *Clock) factor() float64 {
	if c.Factor <= 0 {
		return 4
	}
	return c.Factor
}

func (c *Clock) floor() time.Duration {
	if c.Floor <= 0 {
		return 100 * time.Millisecond
	}
	return c.Floor
}
