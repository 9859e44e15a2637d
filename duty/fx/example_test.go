package fx_test

import (
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
)

// The day whose ECB rate EU customs apply in April 2026: the penultimate
// Wednesday of March.
func ExampleArticle146Day() {
	fmt.Println(fx.Article146Day(duty.MustDate("2026-04-10")))
	// Output: 2026-03-18
}

// Converting an invoice in dollars for a German entry: the EU customs
// rate of the month, with its source and day.
func ExampleCustoms_ForDestination() {
	rates := fx.Default().ForDestination("DE")
	m, info, err := duty.ConvertInfo(duty.MustMoney("115.00", "USD"), "EUR", rates, duty.MustDate("2026-04-10"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Round(), info.Day, info.ValidFrom, info.ValidTo)
	// Output: 100.00 EUR 2026-03-18 2026-04-01 2026-04-30
}
