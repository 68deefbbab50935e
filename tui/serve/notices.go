package serve

import (
	"context"
	"time"

	"daicho/pdf/mail"
	"daicho/store"
)

// The day's notices (daicho notify) go out from the server by themselves:
// once the time of day the notify settings name (send_at) has come, once a
// day. The notify log keeps what was told, so a server restarted after the
// time, or a `daicho notify` run by hand the same day, sends nothing twice.

// noticeCheckEvery is how often the server looks at the clock and the
// settings (which may change while it runs).
const noticeCheckEvery = 30 * time.Second

// sendNoticesDaily checks the clock every noticeCheckEvery until ctx is
// done, sending the day's notices when due.
func (s *Server) sendNoticesDaily(ctx context.Context) {
	t := time.NewTicker(noticeCheckEvery)
	defer t.Stop()
	for {
		s.noticesTick(ctx, time.Now())
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// noticesTick sends the notices of now's day if the settings' time has come
// and they have not been sent by this server today; it logs what it did.
func (s *Server) noticesTick(ctx context.Context, now time.Time) {
	settings, err := s.cfg.Store.NotifySettings(ctx)
	if err != nil {
		s.logf("event=notify error=%q", err.Error())
		return
	}
	day := store.Today(now)
	if settings.SendAt == "" || now.Format("15:04") < settings.SendAt || s.noticesSent.Equal(day) {
		return
	}
	s.noticesSent = day // one attempt a day: a failure is logged, and sent by hand
	sender := mail.Sender{ExportsDir: s.cfg.ExportsDir}
	results, err := sender.SendNotices(ctx, s.cfg.Store.As("serve"), day, string(s.cfg.Printer.Lang))
	if err != nil {
		s.logf("event=notify error=%q", err.Error())
		return
	}
	for _, r := range results {
		if r.Err != nil {
			s.logf("event=notify person=%q error=%q", r.Notice.Staff.Name, r.Err.Error())
			continue
		}
		s.logf("event=notify person=%q to=%q items=%d method=%s file=%q", r.Notice.Staff.Name, r.Message.To,
			len(r.Notice.Items), r.Delivery.Method, r.Delivery.File)
	}
	// Contracts that mail themselves (issue 16): the customers' renewal notices.
	renewals, err := sender.SendRenewalNotices(ctx, s.cfg.Store.As("serve"), day)
	if err != nil {
		s.logf("event=renewal_notice error=%q", err.Error())
		return
	}
	for _, r := range renewals {
		if r.Err != nil {
			s.logf("event=renewal_notice contract=%q error=%q", r.Contract.Number, r.Err.Error())
			continue
		}
		s.logf("event=renewal_notice contract=%q to=%q method=%s file=%q", r.Contract.Number, r.Log.To, r.Log.Method,
			r.Log.File)
	}
}
