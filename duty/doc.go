// Package duty computes customs values, duties, import taxes and fees exactly.
package duty
