package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"daicho/store"
)

// The demo's inquiry log (問合せ): what the small demo's customers asked over
// the year, as of Reference (2026-11-20). Most were answered and closed; two
// wait for the customer; three are open, one with its follow-up day past and
// one due today. Several are about a document of the story (a wrong
// quantity, a duplicate invoice, lunch boxes sent back, an estimate about to
// expire). Each is logged on its day through the store's API and, where the
// matter moved on, updated on a later day with a line added to its body, so
// the audit log holds its history as a real one would. The large demo adds
// largeInquiries more over three years, in one batch.

// largeInquiries is how many inquiries the large demo adds; tests lower it.
var largeInquiries = 3_000

// storyInquiry is one inquiry of the story: logged on date, then each step
// on its day.
type storyInquiry struct {
	sample   int // the customer (index into samples)
	date     time.Time
	channel  string
	subject  string
	body     string
	status   string
	followUp time.Time
	person   string // "" = the customer's person in charge
	doc      docRef // the document it is about (zero: none)
	steps    []inquiryStep
}

// docRef finds a document of the story by its kind, subject and status
// ("" = any but a draft).
type docRef struct{ kind, subject, status string }

// inquiryStep is a later change: the status it moves to, a line added to
// the body, and the follow-up date from then on.
type inquiryStep struct {
	date     time.Time
	status   string
	line     string
	followUp time.Time
}

func storyInquiries() []storyInquiry {
	d := store.DateOf
	const (
		open, waiting, closed = store.InquiryOpen, store.InquiryWaiting, store.InquiryClosed
		phone, email, visit   = store.ChannelPhone, store.ChannelEmail, store.ChannelVisit
	)
	return []storyInquiry{
		{sample: 0, date: d(2026, 7, 2), channel: phone, subject: "コーポレートサイトの公開時期",
			body: "7/2 電話（広報 石井様）: 公開は9月末を希望。デザインを先に確認したいとのこと。", status: open,
			doc:   docRef{store.KindEstimate, "コーポレートサイト制作", ""},
			steps: []inquiryStep{{d(2026, 7, 3), closed, "7/3 受注。デザインと作業の一部を先に納品する分納で合意。", time.Time{}}}},
		{sample: 19, date: d(2026, 8, 25), channel: phone, subject: "お盆期間の配送スケジュール",
			body: "8/25 電話: 来年のお盆は配送を止める日を早めに知りたい。", status: closed},
		{sample: 16, date: d(2026, 9, 14), channel: store.ChannelOther, subject: "請求書の送付先変更（FAX）",
			body: "9/14 FAX: 請求書の送付先を本店に変更してほしい。顧客マスタの住所を更新済み。", status: closed},
		{sample: 1, date: d(2026, 10, 2), channel: email, subject: "9月分請求書の明細について",
			body: "10/2 メール（経理 森様）: 納品書3枚分がまとめて請求されているかの確認。", status: open,
			doc:   docRef{store.KindInvoice, "9月分 事務用品", ""},
			steps: []inquiryStep{{d(2026, 10, 3), closed, "10/3 9/4・9/12・9/25 の納品分の締め請求である旨を回答。", time.Time{}}}},
		{sample: 30, date: d(2026, 10, 2), channel: phone, subject: "設定後にプリンターで印刷できない",
			body: "10/2 電話: パソコン設定作業のあと、プリンターから印刷できない。", status: open,
			followUp: d(2026, 10, 3),
			steps:    []inquiryStep{{d(2026, 10, 3), closed, "10/3 電話でドライバーの再設定を案内し解決。", time.Time{}}}},
		{sample: 8, date: d(2026, 10, 6), channel: phone, subject: "展示会の弁当が多く届いた",
			body: "10/6 電話（総務 田中様）: 弁当が5個多く届いた。返品で対応することに。", status: waiting,
			followUp: d(2026, 10, 30), doc: docRef{store.KindInvoice, "展示会 ケータリング", ""},
			steps: []inquiryStep{{d(2026, 10, 30), closed, "10/30 返品分の返還請求書（赤伝）を発行して送付。", time.Time{}}}},
		{sample: 5, date: d(2026, 10, 15), channel: email, subject: "チラシの請求数量の誤り",
			body: "10/15 メール: 請求が5式になっているが、発注は3式。", status: open,
			doc:   docRef{store.KindInvoice, "チラシ印刷", store.StatusVoid},
			steps: []inquiryStep{{d(2026, 10, 16), closed, "10/16 請求書を取り消し、3式で再発行して送付。", time.Time{}}}},
		{sample: 15, date: d(2026, 10, 21), channel: phone, subject: "ホスティングの請求書が2通届いた",
			body: "10/21 電話: 同じ内容の請求書が2通届いた。1通は二重発行で取消済みと説明し、了承を得た。", status: closed,
			doc: docRef{store.KindInvoice, "10月分 ホスティング", store.StatusVoid}},
		{sample: 22, date: d(2026, 11, 5), channel: visit, subject: "院内LANの増設",
			body: "11/5 訪問: 2階診察室へのLAN増設の相談。配線経路を現地で確認。", status: open,
			followUp: d(2026, 11, 9),
			steps:    []inquiryStep{{d(2026, 11, 9), waiting, "11/9 概算（工事一式）を提示。理事会の承認待ち。", d(2026, 11, 27)}}},
		{sample: 34, date: d(2026, 11, 6), channel: email, subject: "Localisation: is proofreading included?",
			body:   "11/6 email (Ms. Carter): does the estimate include proofreading of the Japanese text by a native speaker?",
			status: open, followUp: d(2026, 11, 24), person: "鈴木 美咲",
			doc: docRef{store.KindEstimate, "Website localisation", ""}},
		{sample: 12, date: d(2026, 11, 10), channel: visit, subject: "試作見積の有効期限",
			body: "11/10 来社: 社内決裁が遅れており、見積の有効期限（11/16）を延ばせないかとの相談。", status: open,
			followUp: d(2026, 11, 12), doc: docRef{store.KindEstimate, "精密部品 試作", ""},
			steps: []inquiryStep{{d(2026, 11, 12), waiting, "11/12 同じ条件で再見積すると回答。先方の決裁日を確認中。", Reference}}},
		{sample: 3, date: d(2026, 11, 16), channel: phone, subject: "月次締め処理の手順",
			body: "11/16 電話: 業務システムで月次締めの手順が分からない。手順書を送ると回答。", status: open,
			followUp: d(2026, 11, 18)},
		{sample: 10, date: d(2026, 11, 18), channel: email, subject: "来年度の保守料金",
			body: "11/18 メール: 来年度の保守料金の見積がほしい。", status: open},
		{sample: 13, date: d(2026, 11, 19), channel: email, subject: "適格請求書発行事業者の登録番号",
			body: "11/19 メール: 当社の登録番号の照会。請求書に記載の番号を回答。", status: closed},
	}
}

// addInquiries logs the story's inquiries, each step on its day, in date
// order. It returns how many it made.
func (f *filler) addInquiries() (int, error) {
	type event struct {
		date time.Time
		do   func() error
	}
	var events []event
	for _, si := range storyInquiries() {
		q := &store.Inquiry{CustomerID: f.customers[si.sample].ID, Date: si.date, Channel: si.channel,
			Subject: si.subject, Body: si.body, Status: si.status, Person: si.person, FollowUp: si.followUp}
		events = append(events, event{si.date, func() error {
			if si.doc != (docRef{}) {
				id, err := f.findDocument(si.sample, si.doc)
				if err != nil {
					return err
				}
				q.DocumentID = id
			}
			return f.st.CreateInquiry(f.ctx, q)
		}})
		for _, step := range si.steps {
			events = append(events, event{step.date, func() error {
				q.Status, q.Body, q.FollowUp = step.status, q.Body+"\n"+step.line, step.followUp
				return f.st.UpdateInquiry(f.ctx, q)
			}})
		}
	}
	slices.SortStableFunc(events, func(a, b event) int { return a.date.Compare(b.date) })
	for _, e := range events {
		f.on(e.date)
		if err := e.do(); err != nil {
			return 0, fmt.Errorf("demo: the inquiries of %s: %w", store.FormatDate(e.date), err)
		}
	}
	return len(storyInquiries()), nil
}

// findDocument is the newest document of sample customer i that ref names.
func (f *filler) findDocument(i int, ref docRef) (int64, error) {
	ds, err := f.st.DocumentSummaries(f.ctx, store.DocumentFilter{CustomerID: f.customers[i].ID, Kind: ref.kind})
	if err != nil {
		return 0, err
	}
	for _, d := range ds {
		if d.Subject == ref.subject && d.Status != store.StatusDraft && (ref.status == "" || d.Status == ref.status) {
			return d.ID, nil
		}
	}
	return 0, fmt.Errorf("demo: no %s %q of %s", ref.kind, ref.subject, f.customers[i].Code)
}

// largeSubjects are what the large demo's customers ask about.
var largeSubjects = []struct{ subject, body string }{
	{"請求書の再発行", "請求書を紛失したため再発行してほしい。"},
	{"請求書の送付先変更", "来月から請求書の送付先を変更したい。"},
	{"支払期日の確認", "今月分の支払期日を確認したい。"},
	{"見積の依頼", "追加作業の見積がほしい。"},
	{"納期の確認", "次回納品の予定日を知りたい。"},
	{"操作方法の質問", "システムの操作手順が分からない。"},
	{"保守内容の確認", "保守契約に含まれる作業の範囲を確認したい。"},
	{"振込金額の差異", "振込手数料を差し引いて振り込んだとの連絡。"},
	{"担当者の変更", "先方の担当者が変わったとの連絡。"},
	{"障害の連絡", "サーバーにつながらないとの連絡。"},
}

// addLargeInquiries adds largeInquiries inquiries over three years in one
// batch (one transaction: a few thousand rows take a fraction of a second):
// everything older than a month closed, the rest open, waiting or closed,
// the unfinished ones with a follow-up date within two weeks.
func (f *filler) addLargeInquiries() (int, error) {
	rng := rand.New(rand.NewPCG(2026, 7))
	active := slices.DeleteFunc(slices.Clone(f.customers), func(c store.Customer) bool { return c.Archived })
	days := int(Reference.Sub(largeFrom).Hours()/24) + 1
	recent := Reference.AddDate(0, -1, 0)
	qs := make([]store.Inquiry, largeInquiries)
	for n := range qs {
		cu := active[rng.IntN(len(active))]
		s := largeSubjects[rng.IntN(len(largeSubjects))]
		date := largeFrom.AddDate(0, 0, rng.IntN(days))
		q := store.Inquiry{CustomerID: cu.ID, Date: date, Channel: store.InquiryChannels[rng.IntN(3)], // phone, email or visit
			Subject: s.subject, Body: fmt.Sprintf("%d/%d %s", date.Month(), date.Day(), s.body), Status: store.InquiryClosed}
		if date.After(recent) {
			q.Status = store.InquiryStatuses[rng.IntN(len(store.InquiryStatuses))]
		}
		if q.Status != store.InquiryClosed {
			q.FollowUp = date.AddDate(0, 0, 3+rng.IntN(12))
		}
		qs[n] = q
	}
	slices.SortStableFunc(qs, func(a, b store.Inquiry) int { return a.Date.Compare(b.Date) })
	f.on(Reference)
	if err := f.st.CreateInquiries(f.ctx, qs); err != nil {
		return 0, fmt.Errorf("demo: the large demo's inquiries: %w", err)
	}
	return len(qs), nil
}
