package syntax

// Dynamic oracle for the arc-hybrid system (Goldberg and Nivre 2013): the
// cost of an action is the number of gold arcs it makes unreachable.
// gold[i] is the gold head of token i, n for the root. It assumes a
// projective gold tree (see projectivize).

func actionCost(st *pstate, gold []int32, a int) int {
	ns := len(st.stack)
	b := st.b0
	n := int32(st.n)
	switch a {
	case actShift:
		// b loses its head in S below s0 and its dependents in S; the
		// root word loses the root unless S is empty, as the root is
		// only attached when it is the last word on S.
		c := 0
		if gold[b] == n && ns > 0 {
			c++
		}
		for k, s := range st.stack {
			if gold[b] == s && k != ns-1 {
				c++
			}
			if gold[s] == b {
				c++
			}
		}
		return c
	case actLeft:
		s0 := st.stack[ns-1]
		c := 0
		g := gold[s0]
		if ns > 1 && g == st.stack[ns-2] {
			c++
		}
		if g > b && (g != n || ns == 1) {
			c++ // head further in the buffer, or the root (which a word above the stack's bottom has already lost)
		}
		for d := b; d < n; d++ {
			if gold[d] == s0 {
				c++
			}
		}
		return c
	case actRight:
		s0 := st.stack[ns-1]
		c := 0
		if gold[s0] >= b && gold[s0] != n {
			c++ // s0 is above the bottom, so it has already lost the root
		}
		for d := b; d < n; d++ {
			if gold[d] == s0 {
				c++
			}
		}
		return c
	}
	return 1 << 20
}

// projectivize returns heads (n for the root) with non-projective arcs
// lifted: while some arc is crossed, the dependent of the shortest
// crossed arc is reattached to its head's head. The result is a
// projective tree.
func projectivize(heads []int32) []int32 {
	n := int32(len(heads))
	h := append([]int32(nil), heads...)
	for iter := 0; iter < 4*len(h); iter++ {
		best, bestLen := int32(-1), int32(1<<30)
		for d := int32(0); d < n; d++ {
			if h[d] == n || !nonProjective(h, d) {
				continue
			}
			l := h[d] - d
			if l < 0 {
				l = -l
			}
			if l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
	return h
}

// nonProjective reports whether the arc into d is crossed: some token
// strictly between d and its head is not dominated by the head.
func nonProjective(h []int32, d int32) bool {
	n := int32(len(h))
	hd := h[d]
	lo, hi := d, hd
	if lo > hi {
		lo, hi = hi, lo
	}
	for k := lo + 1; k < hi; k++ {
		// walk up from k; it must reach hd
		x := k
		for steps := 0; x != hd && x != n && steps < len(h); steps++ {
			x = h[x]
		}
		if x != hd {
			return true
		}
	}
	return false
}
