package store

import (
	"errors"
	"strings"

	"kinerja/data"
)

// metaOffice is the key of the office identity in the meta bucket.
const metaOffice = "office"

// Office returns the office identity, the zero Office when not yet entered.
func (s *Store) Office() (data.Office, error) {
	var o data.Office
	err := s.view(func(r reader) error {
		_, err := r.get(bucketMeta, []byte(metaOffice), &o)
		return err
	})
	return o, err
}

// SetOffice stores the office identity after o.Validate; a refused identity
// gives a *data.ValidationError.
func (s *Store) SetOffice(o data.Office) error {
	if errs := o.Validate(); len(errs) > 0 {
		return &data.ValidationError{Problems: data.Problems{Errors: errs}}
	}
	return s.update("ubah identitas kantor", func(c *change) error {
		return c.put(bucketMeta, []byte(metaOffice), o)
	})
}

// Setting decodes the setting key into v; found is false when it was never set.
func (s *Store) Setting(key string, v any) (found bool, err error) {
	if err := checkSettingKey(key); err != nil {
		return false, err
	}
	err = s.view(func(r reader) error {
		found, err = r.get(bucketSettings, []byte(key), v)
		return err
	})
	return found, err
}

// SetSetting stores v as JSON under the setting key.
func (s *Store) SetSetting(key string, v any) error {
	if err := checkSettingKey(key); err != nil {
		return err
	}
	return s.update("ubah pengaturan "+key, func(c *change) error {
		return c.put(bucketSettings, []byte(key), v)
	})
}

func checkSettingKey(key string) error {
	if strings.TrimSpace(key) == "" {
		return errors.New("nama pengaturan kosong")
	}
	return nil
}
