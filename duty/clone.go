package duty

import "reflect"

// deepCopy returns a copy of v that shares no memory a caller can change
// through exported fields: slices, maps and pointers reached through
// exported fields are copied, recursively. Struct values are copied whole,
// so unexported fields are shared: those of the immutable value types
// (decimal.Decimal, Date, Money) and nothing a caller can reach.
// Interfaces, funcs and channels are shared as they are.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		it := v.MapRange()
		for it.Next() {
			m.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return m
	case reflect.Array:
		a := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			a.Index(i).Set(deepCopy(v.Index(i)))
		}
		return a
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		s.Set(v)
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				s.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return s
	}
	return v
}

// cloneProfile is a deep copy of p: changing one never changes the other.
func cloneProfile(p Profile) Profile {
	return deepCopy(reflect.ValueOf(p)).Interface().(Profile)
}
