//! Art. 13(1)(d): the legitimate interests pursued, and those the
//! assessment's own rules reject, which the policy must not publish.

use super::Builder;
use crate::documents::EntryView;
use crate::documents::policy::model::{Block, Item, Section, Span};

impl Builder<'_> {
    /// Why the assessment rejects the legitimate interest an activity states
    /// as its basis, if one of its rules does: the policy must not publish it.
    pub(super) fn wrong_interests(&self, e: &EntryView<'_>) -> Option<WrongInterests> {
        let fires = |id: &str| self.fires(id, Some(e.index));
        if fires("con.basis.trackers_li") || fires("con.basis.trackers_li_no_choice") {
            Some(WrongInterests::Trackers)
        } else if fires("con.basis.marketing_consent_collected") {
            Some(WrongInterests::SignedUp)
        } else if fires("con.basis.marketing_li") {
            Some(WrongInterests::Prospecting)
        } else {
            None
        }
    }

    /// The placeholder that stands for a legitimate interest the assessment rejects.
    pub(super) fn consent_needed(&self, wrong: WrongInterests) -> Span {
        let newsletters = self.r.term("newsletters");
        let (fr, en) = match wrong {
            WrongInterests::Trackers => (
                "votre consentement (RGPD, art.\u{a0}6(1)(a))\u{a0}: l’intérêt légitime ne peut pas fonder le dépôt de traceurs non nécessaires".to_string(),
                "your consent (GDPR, Art.\u{a0}6(1)(a)): legitimate interests cannot ground the use of trackers that are not strictly necessary".to_string(),
            ),
            WrongInterests::SignedUp => (
                format!(
                    "votre consentement (RGPD, art.\u{a0}6(1)(a))\u{a0}: l’intérêt légitime ne peut pas fonder l’envoi de {newsletters} auxquelles on s’inscrit"
                ),
                format!(
                    "your consent (GDPR, Art.\u{a0}6(1)(a)): legitimate interests cannot ground sending {newsletters} people sign up for"
                ),
            ),
            WrongInterests::Prospecting => (
                "votre consentement (RGPD, art.\u{a0}6(1)(a)) pour vous envoyer nos offres par courriel\u{a0}: l’intérêt légitime ne suffit pas, sauf pour nos clients au sujet de services analogues ou pour des professionnels à leur adresse professionnelle".to_string(),
                "your consent (GDPR, Art.\u{a0}6(1)(a)) to e-mail you our offers: legitimate interests are not enough, except for our customers about similar services or for professionals at their work address".to_string(),
            ),
        };
        self.todo(&fr, &en)
    }

    /// Art. 13(1)(d): the interests pursued, when an activity relies on them.
    pub(super) fn legitimate_interests(&self) -> Option<Section> {
        let (own, _) = self.activities();
        let with: Vec<&EntryView<'_>> = own
            .iter()
            .filter(|e| {
                e.selected("basis")
                    .iter()
                    .any(|b| b == "legitimate_interests")
                    && self.wrong_interests(e).is_none()
            })
            .collect();
        if with.is_empty() {
            return None;
        }
        let lines = with
            .iter()
            .map(|e| {
                self.line(
                    &e.name,
                    self.todo(
                        "l’intérêt poursuivi, et pourquoi il ne l’emporte pas sur vos droits",
                        "the interest pursued, and why it does not override your rights",
                    ),
                )
            })
            .collect();
        Some(self.section(
            Item::LegitimateInterests,
            self.t("Nos intérêts légitimes", "Our legitimate interests"),
            vec![
                Block::Para(vec![self
                    .t(
                        "Lorsque nous nous fondons sur notre intérêt légitime, cet intérêt est le suivant\u{a0}:",
                        "Where we rely on our legitimate interests, those interests are:",
                    )
                    .into()]),
                Block::Bullets(lines),
            ],
        ))
    }
}

/// Why the assessment rejects a legitimate interest stated as a basis.
#[derive(Debug, Clone, Copy)]
pub(super) enum WrongInterests {
    /// Trackers that are not strictly necessary need consent (ePrivacy art. 5(3)).
    Trackers,
    /// People sign up for the mailings: consent is what is collected.
    SignedUp,
    /// E-mail prospecting of individuals needs consent (ePrivacy art. 13).
    Prospecting,
}
