package rules

import (
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/iorkit/iorkit/duty"
)

// goodsValueFunc declares goods_value(shipment): the sum over the
// shipment's lines of quantity × unit price, exactly, as a duty.Money in
// the lines' currency. It exists when the shipment has a `lines` list of
// the line type and the line type has a `quantity` (duty.Quantity) and a
// `unit_price` (duty.Money) field.
//
// It is the one sum rules may use: value thresholds written in law (a
// certification of origin waived up to USD 2,500, registration asked only
// up to GBP 135) compare it with a decimal literal after checking its
// currency. Nothing is converted: when the lines' currencies differ, or
// there are no lines, the result is the zero Money with currency "", so a
// rule that tests `goods_value(shipment).currency == 'USD'` stays on the
// side of asking. Freight, insurance and duties are not included.
func goodsValueFunc(e *Env) []cel.EnvOption {
	ship, line := e.vars[VarShipment], e.vars[VarLine]
	if ship == nil || line == nil || e.linesIndex == nil {
		return nil
	}
	money := e.prov.byType[moneyRT]
	if money == nil {
		return nil
	}
	q, okQ := line.rt.FieldByName(fieldGoName(line.rt, "quantity"))
	p, okP := line.rt.FieldByName(fieldGoName(line.rt, "unit_price"))
	if !okQ || !okP || q.Type != quantityRT || p.Type != moneyRT {
		return nil
	}
	linesIdx, qIdx, pIdx := e.linesIndex, q.Index, p.Index
	return []cel.EnvOption{cel.Function("goods_value",
		cel.Overload("goods_value_"+strings.NewReplacer(".", "_").Replace(ship.name), []*cel.Type{ship.celType}, money.celType,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				o, ok := v.(*object)
				if !ok {
					return types.NewErr("no such overload")
				}
				total := goodsValue(o.v.FieldByIndex(linesIdx), qIdx, pIdx)
				return newObject(money, reflect.ValueOf(&total).Elem())
			})))}
}

// goodsValue sums quantity × unit price over lines (a slice of line structs
// or of pointers to them); mixed currencies or no lines give the zero Money.
func goodsValue(lines reflect.Value, qIdx, pIdx []int) duty.Money {
	var total duty.Money
	for i := 0; i < lines.Len(); i++ {
		l := lines.Index(i)
		if l.Kind() == reflect.Pointer {
			if l.IsNil() {
				return duty.Money{}
			}
			l = l.Elem()
		}
		qty := l.FieldByIndex(qIdx).Interface().(duty.Quantity)
		price := l.FieldByIndex(pIdx).Interface().(duty.Money)
		v := price.Mul(qty.Value)
		if i == 0 {
			total = v
			continue
		}
		var err error
		if total, err = total.Add(v); err != nil {
			return duty.Money{}
		}
	}
	return total
}
