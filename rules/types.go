package rules

import (
	"encoding"
	"fmt"
	"reflect"
	"strings"
	"time"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

// The CEL type names of the values this package maps specially. They are
// fixed strings so that pack expressions never depend on Go package paths.
const (
	DecimalTypeName  = "decimal"       // opaque exact decimal
	MoneyTypeName    = "duty.Money"    // {amount: decimal, currency: string}
	QuantityTypeName = "duty.Quantity" // {value: decimal, unit: string}
)

var (
	decimalRT    = reflect.TypeFor[decimal.Decimal]()
	moneyRT      = reflect.TypeFor[duty.Money]()
	quantityRT   = reflect.TypeFor[duty.Quantity]()
	timeRT       = reflect.TypeFor[time.Time]()
	textMarshRT  = reflect.TypeFor[encoding.TextMarshaler]()
	stringerRT   = reflect.TypeFor[fmt.Stringer]()
	refValRT     = reflect.TypeFor[ref.Val]()
	decimalCEL   = types.NewOpaqueType(DecimalTypeName)
	stringListRT = reflect.TypeFor[[]string]()
)

// conv turns a Go value (addressable where possible) into a CEL value.
type conv func(v reflect.Value) ref.Val

// field is one CEL-visible field of a struct type.
type field struct {
	name    string
	celType *types.Type
	get     conv
	isSet   func(v reflect.Value) bool
	ft      *types.FieldType
	idx     int   // position in structType.names: the object's cache slot
	index   []int // the Go field (reflect.Value.FieldByIndex); nil for Money's
}

// structType is a Go struct exposed to CEL as an object type.
type structType struct {
	name    string
	rt      reflect.Type
	celType *types.Type
	fields  map[string]*field
	names   []string
}

// provider is the CEL type provider and adapter for the declared Go types.
// It delegates standard types to a cel-go Registry. It is built once by
// NewEnv and never changed afterwards.
type provider struct {
	base   *types.Registry
	byName map[string]*structType
	byType map[reflect.Type]*structType
	// pending maps Go types to the CEL names chosen for them before their
	// fields are walked (Vars' aliases).
	names map[reflect.Type]string
}

func newProvider() (*provider, error) {
	base, err := types.NewRegistry()
	if err != nil {
		return nil, err
	}
	return &provider{
		base:   base,
		byName: map[string]*structType{},
		byType: map[reflect.Type]*structType{},
		names:  map[reflect.Type]string{},
	}, nil
}

// register exposes a Go struct type under a CEL name, with every nested
// struct type. Nested types take the alias's namespace and their Go type
// name (ior.Shipment's Party becomes ior.Party) unless named otherwise.
func (p *provider) register(rt reflect.Type, name string) (*structType, error) {
	for rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
	}
	if rt.Kind() != reflect.Struct {
		return nil, fmt.Errorf("type %v is not a struct", rt)
	}
	if st, ok := p.byType[rt]; ok {
		return st, nil
	}
	if prev, ok := p.byName[name]; ok && prev.rt != rt {
		return nil, fmt.Errorf("CEL type name %q used for both %v and %v", name, prev.rt, rt)
	}
	st := &structType{name: name, rt: rt, celType: types.NewObjectType(name), fields: map[string]*field{}}
	p.byType[rt] = st
	p.byName[name] = st
	if rt == moneyRT {
		p.moneyFields(st)
		return st, nil
	}
	ns := name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		ns = name[:i]
	} else {
		ns = ""
	}
	for _, sf := range reflect.VisibleFields(rt) {
		if !sf.IsExported() || sf.Anonymous {
			continue
		}
		fname, skip := jsonName(sf)
		if skip {
			continue
		}
		if rt == quantityRT {
			// duty.Quantity marshals itself as {"value", "unit"}.
			fname = strings.ToLower(fname)
		}
		ct, get, isSet, err := p.converter(sf.Type, ns)
		if err != nil {
			return nil, fmt.Errorf("%v.%s: %w", rt, sf.Name, err)
		}
		if get == nil {
			continue // a Go type CEL cannot see (map, func, interface...)
		}
		if _, dup := st.fields[fname]; dup {
			return nil, fmt.Errorf("%v: two fields named %q", rt, fname)
		}
		idx := sf.Index
		f := &field{name: fname, celType: ct, index: idx}
		f.get = func(v reflect.Value) ref.Val { return get(v.FieldByIndex(idx)) }
		f.isSet = func(v reflect.Value) bool { return isSet(v.FieldByIndex(idx)) }
		st.fields[fname] = f
	}
	st.finish()
	return st, nil
}

func (st *structType) finish() {
	st.names = st.names[:0]
	for n, f := range st.fields {
		st.names = append(st.names, n)
		f := f
		f.ft = &types.FieldType{
			Type: f.celType,
			IsSet: func(target any) bool {
				o, ok := target.(*object)
				return ok && f.isSet(o.v)
			},
			GetFrom: func(target any) (any, error) {
				o, ok := target.(*object)
				if !ok {
					// The checker lets only objects and null (a nil
					// pointer) reach here; CEL hands null over as a
					// protobuf NullValue.
					return nil, fmt.Errorf("reads field %q of an absent (null) object; test the object with != null first", f.name)
				}
				return o.field(f), nil
			},
		}
	}
	sortStrings(st.names)
	for i, n := range st.names {
		st.fields[n].idx = i
	}
}

func (p *provider) moneyFields(st *structType) {
	money := func(v reflect.Value) duty.Money {
		if v.CanAddr() {
			return *v.Addr().Interface().(*duty.Money)
		}
		return v.Interface().(duty.Money)
	}
	st.fields["amount"] = &field{name: "amount", celType: decimalCEL,
		get:   func(v reflect.Value) ref.Val { return Decimal{money(v).Amount()} },
		isSet: func(v reflect.Value) bool { return money(v).Currency() != "" }}
	st.fields["currency"] = &field{name: "currency", celType: types.StringType,
		get:   func(v reflect.Value) ref.Val { return types.String(money(v).Currency()) },
		isSet: func(v reflect.Value) bool { return money(v).Currency() != "" }}
	st.finish()
}

// jsonName returns the field's JSON name and whether it is hidden.
func jsonName(sf reflect.StructField) (string, bool) {
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", true
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = sf.Name
	}
	return name, false
}

func (p *provider) nameFor(rt reflect.Type, ns string) string {
	if n, ok := p.names[rt]; ok {
		return n
	}
	switch rt {
	case moneyRT:
		return MoneyTypeName
	case quantityRT:
		return QuantityTypeName
	}
	if ns == "" {
		return rt.Name()
	}
	return ns + "." + rt.Name()
}

// converter returns the CEL type of a Go type, a function that converts a
// value, and a presence test for has(). A nil conv means "not visible".
func (p *provider) converter(rt reflect.Type, ns string) (*types.Type, conv, func(reflect.Value) bool, error) {
	nonZero := func(v reflect.Value) bool { return !v.IsZero() }
	switch {
	case rt == decimalRT:
		return decimalCEL, func(v reflect.Value) ref.Val {
			if v.CanAddr() {
				return Decimal{*v.Addr().Interface().(*decimal.Decimal)}
			}
			return Decimal{v.Interface().(decimal.Decimal)}
		}, func(v reflect.Value) bool { return true }, nil
	case rt == timeRT:
		return types.TimestampType, func(v reflect.Value) ref.Val {
			return types.Timestamp{Time: v.Interface().(time.Time)}
		}, nonZero, nil
	case rt.Implements(refValRT):
		return nil, nil, nil, nil
	case rt.Kind() == reflect.Struct && rt != moneyRT && !hasJSONFields(rt) &&
		(rt.Implements(textMarshRT) || reflect.PointerTo(rt).Implements(textMarshRT)):
		// Civil dates and similar value types read as their text form.
		return types.StringType, func(v reflect.Value) ref.Val {
			var m encoding.TextMarshaler
			if v.CanAddr() {
				m, _ = v.Addr().Interface().(encoding.TextMarshaler)
			}
			if m == nil {
				m, _ = v.Interface().(encoding.TextMarshaler)
			}
			if m == nil {
				return types.String("")
			}
			b, err := m.MarshalText()
			if err != nil {
				return types.NewErrFromString(err.Error())
			}
			return types.String(b)
		}, nonZero, nil
	case rt.Kind() == reflect.Struct && rt != moneyRT && !hasJSONFields(rt) && rt.Implements(stringerRT):
		return types.StringType, func(v reflect.Value) ref.Val {
			return types.String(v.Interface().(fmt.Stringer).String())
		}, nonZero, nil
	}
	switch rt.Kind() {
	case reflect.Bool:
		return types.BoolType, func(v reflect.Value) ref.Val { return types.Bool(v.Bool()) }, nonZero, nil
	case reflect.String:
		return types.StringType, func(v reflect.Value) ref.Val { return types.String(v.String()) }, nonZero, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return types.IntType, func(v reflect.Value) ref.Val { return types.Int(v.Int()) }, nonZero, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return types.UintType, func(v reflect.Value) ref.Val { return types.Uint(v.Uint()) }, nonZero, nil
	case reflect.Float32, reflect.Float64:
		return types.DoubleType, func(v reflect.Value) ref.Val { return types.Double(v.Float()) }, nonZero, nil
	case reflect.Struct:
		st, err := p.register(rt, p.nameFor(rt, ns))
		if err != nil {
			return nil, nil, nil, err
		}
		return st.celType, func(v reflect.Value) ref.Val { return newObject(st, v) }, nonZero, nil
	case reflect.Pointer:
		et, econv, _, err := p.converter(rt.Elem(), ns)
		if err != nil || econv == nil {
			return nil, nil, nil, err
		}
		if et.Kind() != types.StructKind {
			if wrapped := types.NewNullableType(et); et.Kind() == types.BoolKind || et.Kind() == types.StringKind ||
				et.Kind() == types.IntKind || et.Kind() == types.UintKind || et.Kind() == types.DoubleKind {
				et = wrapped
			} else {
				return nil, nil, nil, nil
			}
		}
		return et, func(v reflect.Value) ref.Val {
				if v.IsNil() {
					return types.NullValue
				}
				return econv(v.Elem())
			}, func(v reflect.Value) bool { return !v.IsNil() },
			nil
	case reflect.Slice, reflect.Array:
		if rt.Elem().Kind() == reflect.Uint8 {
			return nil, nil, nil, nil
		}
		et, econv, _, err := p.converter(rt.Elem(), ns)
		if err != nil || econv == nil {
			return nil, nil, nil, err
		}
		lt := types.NewListType(et)
		if rt == stringListRT {
			return lt, func(v reflect.Value) ref.Val {
				return types.NewStringList(types.DefaultTypeAdapter, v.Interface().([]string))
			}, func(v reflect.Value) bool { return v.Len() > 0 }, nil
		}
		return lt, func(v reflect.Value) ref.Val {
			return &list{v: v, elem: econv, celType: lt}
		}, func(v reflect.Value) bool { return v.Len() > 0 }, nil
	}
	return nil, nil, nil, nil
}

func hasJSONFields(rt reflect.Type) bool {
	for _, sf := range reflect.VisibleFields(rt) {
		if sf.IsExported() {
			return true
		}
	}
	return false
}

// EnumValue implements types.Provider.
func (p *provider) EnumValue(name string) ref.Val { return p.base.EnumValue(name) }

// FindIdent implements types.Provider.
func (p *provider) FindIdent(name string) (ref.Val, bool) { return p.base.FindIdent(name) }

// FindStructType implements types.Provider.
func (p *provider) FindStructType(name string) (*types.Type, bool) {
	if st, ok := p.byName[name]; ok {
		return types.NewTypeTypeWithParam(st.celType), true
	}
	return p.base.FindStructType(name)
}

// FindStructFieldNames implements types.Provider.
func (p *provider) FindStructFieldNames(name string) ([]string, bool) {
	if st, ok := p.byName[name]; ok {
		return st.names, true
	}
	return p.base.FindStructFieldNames(name)
}

// FindStructFieldType implements types.Provider.
func (p *provider) FindStructFieldType(name, fieldName string) (*types.FieldType, bool) {
	if st, ok := p.byName[name]; ok {
		f, ok := st.fields[fieldName]
		if !ok {
			return nil, false
		}
		return f.ft, true
	}
	return p.base.FindStructFieldType(name, fieldName)
}

// NewValue implements types.Provider. Input objects cannot be built in a
// rule: rules read the shipment, they do not make new ones.
func (p *provider) NewValue(name string, fields map[string]ref.Val) ref.Val {
	if _, ok := p.byName[name]; ok {
		return types.NewErr("rules: %s values cannot be constructed in an expression", name)
	}
	return p.base.NewValue(name, fields)
}

// NativeToValue implements types.Adapter.
func (p *provider) NativeToValue(value any) ref.Val {
	switch v := value.(type) {
	case ref.Val:
		return v
	case decimal.Decimal:
		return Decimal{v}
	}
	rv := reflect.ValueOf(value)
	rt := rv.Type()
	if rt.Kind() == reflect.Pointer {
		if st, ok := p.byType[rt.Elem()]; ok {
			if rv.IsNil() {
				return types.NullValue
			}
			return newObject(st, rv.Elem())
		}
	}
	if st, ok := p.byType[rt]; ok {
		cp := reflect.New(rt).Elem()
		cp.Set(rv)
		return newObject(st, cp)
	}
	return p.base.NativeToValue(value)
}

// object is an input struct seen from CEL. v is addressable whenever the
// input was given by pointer, so reading fields copies nothing. vals keeps
// the CEL value of each field read (by field.idx), so that the rules of one
// evaluation sharing an object convert a field once: a string field is
// boxed once, a nested struct wrapped once. Inputs are read-only during an
// evaluation, so a cached value stays the field's value.
type object struct {
	st   *structType
	v    reflect.Value
	vals []ref.Val
}

func newObject(st *structType, v reflect.Value) *object { return &object{st: st, v: v} }

// field returns the CEL value of f, converting it on first use.
func (o *object) field(f *field) ref.Val {
	if o.vals == nil {
		o.vals = make([]ref.Val, len(o.st.names))
	}
	if v := o.vals[f.idx]; v != nil {
		return v
	}
	v := f.get(o.v)
	o.vals[f.idx] = v
	return v
}

var _ traits.Indexer = (*object)(nil)

func (o *object) ConvertToNative(t reflect.Type) (any, error) {
	if o.v.Type() == t {
		return o.v.Interface(), nil
	}
	if t.Kind() == reflect.Pointer && t.Elem() == o.v.Type() && o.v.CanAddr() {
		return o.v.Addr().Interface(), nil
	}
	return nil, fmt.Errorf("rules: cannot convert %s to %v", o.st.name, t)
}

func (o *object) ConvertToType(t ref.Type) ref.Val {
	if t == types.TypeType {
		return o.st.celType
	}
	if t.TypeName() == o.st.name {
		return o
	}
	return types.NewErr("rules: cannot convert %s to %s", o.st.name, t.TypeName())
}

func (o *object) Equal(other ref.Val) ref.Val {
	oo, ok := other.(*object)
	if !ok || oo.st != o.st {
		return types.False
	}
	return types.Bool(reflect.DeepEqual(o.v.Interface(), oo.v.Interface()))
}

func (o *object) Type() ref.Type { return o.st.celType }
func (o *object) Value() any     { return o }

// Get implements traits.Indexer for dynamic field access.
func (o *object) Get(index ref.Val) ref.Val {
	name, ok := index.(types.String)
	if !ok {
		return types.ValOrErr(index, "no such overload")
	}
	f, ok := o.st.fields[string(name)]
	if !ok {
		return types.NewErr("no such field: %s", name)
	}
	return o.field(f)
}

// IsSet implements traits.FieldTester.
func (o *object) IsSet(field ref.Val) ref.Val {
	name, ok := field.(types.String)
	if !ok {
		return types.ValOrErr(field, "no such overload")
	}
	f, ok := o.st.fields[string(name)]
	if !ok {
		return types.NewErr("no such field: %s", name)
	}
	return types.Bool(f.isSet(o.v))
}

// list is a Go slice seen from CEL without copying its elements.
type list struct {
	v       reflect.Value
	elem    conv
	celType *types.Type
}

var _ traits.Lister = (*list)(nil)

func (l *list) ConvertToNative(t reflect.Type) (any, error) {
	if l.v.Type() == t {
		return l.v.Interface(), nil
	}
	return nil, fmt.Errorf("rules: cannot convert list to %v", t)
}

func (l *list) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.TypeType:
		return types.ListType
	case types.ListType:
		return l
	}
	return types.NewErr("rules: cannot convert list to %s", t.TypeName())
}

func (l *list) Equal(other ref.Val) ref.Val {
	ol, ok := other.(traits.Lister)
	if !ok || ol.Size() != l.Size() {
		return types.False
	}
	n := l.v.Len()
	for i := 0; i < n; i++ {
		if eq := l.elem(l.v.Index(i)).Equal(ol.Get(types.Int(i))); eq != types.True {
			return eq
		}
	}
	return types.True
}

func (l *list) Type() ref.Type { return types.ListType }
func (l *list) Value() any     { return l.v.Interface() }
func (l *list) Size() ref.Val  { return types.Int(l.v.Len()) }

func (l *list) Get(index ref.Val) ref.Val {
	i, ok := index.(types.Int)
	if !ok {
		return types.ValOrErr(index, "unsupported index type '%s' in list", index.Type())
	}
	if i < 0 || int64(i) >= int64(l.v.Len()) {
		return types.NewErr("index '%d' out of range in list size '%d'", i, l.v.Len())
	}
	return l.elem(l.v.Index(int(i)))
}

func (l *list) Contains(value ref.Val) ref.Val {
	n := l.v.Len()
	for i := 0; i < n; i++ {
		if l.elem(l.v.Index(i)).Equal(value) == types.True {
			return types.True
		}
	}
	return types.False
}

func (l *list) Add(other ref.Val) ref.Val {
	ol, ok := other.(traits.Lister)
	if !ok {
		return types.ValOrErr(other, "no such overload")
	}
	n := l.v.Len()
	out := make([]ref.Val, 0, n+int(ol.Size().(types.Int)))
	for i := 0; i < n; i++ {
		out = append(out, l.elem(l.v.Index(i)))
	}
	it := ol.Iterator()
	for it.HasNext() == types.True {
		out = append(out, it.Next())
	}
	return types.NewRefValList(types.DefaultTypeAdapter, out)
}

func (l *list) Iterator() traits.Iterator { return &listIter{l: l} }

type listIter struct {
	l *list
	i int
}

func (it *listIter) ConvertToNative(reflect.Type) (any, error) {
	return nil, fmt.Errorf("rules: cannot convert iterator")
}
func (it *listIter) ConvertToType(ref.Type) ref.Val {
	return types.NewErr("rules: cannot convert iterator")
}
func (it *listIter) Equal(ref.Val) ref.Val { return types.False }
func (it *listIter) Type() ref.Type        { return types.IteratorType }
func (it *listIter) Value() any            { return nil }
func (it *listIter) HasNext() ref.Val      { return types.Bool(it.i < it.l.v.Len()) }
func (it *listIter) Next() ref.Val {
	if it.i >= it.l.v.Len() {
		return nil
	}
	v := it.l.elem(it.l.v.Index(it.i))
	it.i++
	return v
}
