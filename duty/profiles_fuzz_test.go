package duty_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
)

// FuzzReadProfiles: any bytes give profiles or an error, never a panic;
// profiles ReadProfiles accepts are accepted by NewProfiles unless two
// periods of one country overlap, and a lookup on them never panics.
func FuzzReadProfiles(f *testing.F) {
	f.Add(`{"profiles":[{"country":"DE","name":"Germany","currency":"EUR","valuation":"CIF","from":"2026-01-01","sources":["s"]}]}`)
	f.Add(`{"profiles":[{"country":"US","name":"US","currency":"USD","valuation":"FOB","from":"2026-01-01","sources":["s"],
 "fees":[{"code":"MPF","name":"m","kind":"percent","percent":"0.3464","min":{"amount":"33.58","currency":"USD"},"from":"2026-01-01","source":"s"}],
 "de_minimis":[{"code":"X","applies":"duty_and_tax","outcome":"relief","amount":{"amount":"800","currency":"USD"},"compare":"goods","from":"2026-01-01","to":"2026-06-30","source":"s"}]}]}`)
	f.Add(`{"unions":[{"union":"EU","template":{"currency":"EUR","valuation":"CIF","from":"2026-01-01","sources":["s"],
 "taxes":[{"code":"VAT","name":"VAT","rate":"0","from":"2026-01-01","source":"t"}]},
 "members":[{"country":"FR","name":"France","vat_rate":"20","vat_from":"2026-02-01","vat_source":"s"}]}]}`)
	f.Add(`{"profiles":[{"country":"JP","currency":"JPY","valuation":"CIF","from":"2026-01-01","sources":["s"],"duty_base_rounding":{"places":-3,"mode":"down"}}]}`)
	f.Add(`{"profiles":[]} x`)
	f.Add(`{"profiles":[{"taxes":[{"rate":1e400}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		ps, err := duty.ReadProfiles(strings.NewReader(in))
		if err != nil {
			if ps != nil {
				t.Fatalf("profiles returned with error %v", err)
			}
			var pe *duty.ProfileError
			if !errors.As(err, &pe) || !errors.Is(err, duty.ErrInvalidProfile) || !strings.HasPrefix(err.Error(), "duty: profile: ") {
				t.Fatalf("error is not a *duty.ProfileError: %v", err)
			}
			if len(pe.Value) > 100+len("…") {
				t.Fatalf("ProfileError.Value not clipped: %d bytes", len(pe.Value))
			}
			return
		}
		set, err := duty.NewProfiles(ps...)
		if err != nil {
			if !strings.Contains(err.Error(), "overlap") {
				t.Fatalf("ReadProfiles accepted what NewProfiles refuses: %v", err)
			}
			return
		}
		for _, c := range set.Countries() {
			_, err := set.For(c, duty.MustDate("2026-03-01"))
			if err != nil && !errors.Is(err, duty.ErrNoProfile) {
				t.Fatalf("For(%s): %v", c, err)
			}
		}
	})
}
