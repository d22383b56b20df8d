//! Art. 13(2)(c): withdrawing consent, and how the mailings people
//! receive can be refused.

use super::Builder;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::Lang;
use crate::law::Jurisdiction::{Ca, Eu, Qc};

impl Builder<'_> {
    /// Art. 13(2)(c): withdrawing consent.
    pub(super) fn withdrawal(&self) -> Section {
        let r = self.r;
        let (own, _) = self.activities();
        let consent_based = own.iter().any(|e| {
            e.selected("basis").iter().any(|b| b == "consent") || self.wrong_interests(e).is_some()
        }) || r.yes("trans.cookies") == Some(true);
        let bases_known = !own.is_empty() && own.iter().all(|e| !e.selected("basis").is_empty());
        let mut blocks = Vec::new();
        if r.under(Eu) && !r.under(Ca) && !r.under(Qc) && bases_known && !consent_based {
            blocks.push(Block::Para(vec![self
                .t(
                    "Aucun des traitements décrits ci-dessus ne repose sur votre consentement. Si nous vous le demandons un jour, vous pourrez le retirer à tout moment.",
                    "None of the processing described above rests on your consent. Should we ever ask for it, you will be able to withdraw it at any time.",
                )
                .into()]));
        } else {
            let how: Span = if r.yes("consent.withdrawal") == Some(false) {
                self.todo(
                    "comment retirer son consentement aussi simplement qu’on l’a donné",
                    "how to withdraw consent as easily as it was given",
                )
            } else {
                self.t(
                    "aussi simplement que vous l’avez donné, en nous écrivant à ",
                    "as easily as you gave it, by writing to us at ",
                )
                .into()
            };
            let mut para = vec![
                self.t(
                    "Lorsque nous utilisons vos informations avec votre consentement, vous pouvez le retirer à tout moment, ",
                    "Where we use your information with your consent, you can withdraw it at any time, ",
                )
                .into(),
                how.clone(),
            ];
            if !how.to_fill {
                para.push(self.email());
            }
            if r.under(Qc) {
                para.push(
                    self.t(
                        " (RLRQ c.\u{a0}P-39.1, art.\u{a0}8)",
                        " (CQLR c.\u{a0}P-39.1, s.\u{a0}8)",
                    )
                    .into(),
                );
            }
            para.push(".".into());
            let mut refs = Vec::new();
            if r.under(Eu) {
                refs.push(self.t(
                    " Le retrait ne remet pas en cause ce que nous avons fait avant (RGPD, art.\u{a0}7(3)).",
                    " Withdrawal does not affect what we did before (GDPR, Art.\u{a0}7(3)).",
                ));
            }
            if r.under(Ca) {
                refs.push(self.t(
                    " Nous vous dirons ce que le retrait implique, par exemple un service que nous ne pourrions plus vous rendre (LPRPDE, annexe\u{a0}1, art.\u{a0}4.3.8).",
                    " We will tell you what withdrawing implies, for example a service we could no longer provide (PIPEDA, Sch.\u{a0}1, cl.\u{a0}4.3.8).",
                ));
            }
            para.extend(refs.into_iter().map(Span::from));
            blocks.push(Block::Para(para));
        }
        blocks.extend(self.mailings());
        self.section(
            Item::Withdrawal,
            self.t("Retirer votre consentement", "Withdrawing your consent"),
            blocks,
        )
    }

    /// How people come to receive the promotional mailings, and what every
    /// mailing carries, as the answers say: a way to unsubscribe, a tracking
    /// pixel and whether it needs the subscriber's agreement.
    fn mailings(&self) -> Option<Block> {
        let mut spans: Vec<Span> = Vec::new();
        let newsletters = self.r.term("newsletters");
        let signup: Option<Span> = match self.r.choice("consent.marketing_form") {
            Some(form) => match form {
                "unticked" | "signup_form" => Some(
                    match self.lang {
                        Lang::Fr => format!(
                            "Nous ne vous envoyons nos {newsletters} et nos offres que si vous vous y êtes inscrit vous-même."
                        ),
                        Lang::En => format!(
                            "We send you our {newsletters} and offers only if you signed up for them yourself."
                        ),
                    }
                    .into(),
                ),
                // E-mail prospecting without consent, as EU law allows it
                // (ePrivacy art. 13(2)): customers about similar products, and
                // professionals; writing to us or opening an account is no ground.
                "implicit" if self.r.under(Eu) => Some(self.soft_opt_in().into()),
                "implicit" => Some(
                    self.t(
                        // Implied consent from a business relationship is limited in time.
                        "Lorsque vous achetez chez nous, créez un compte ou nous écrivez, nous pouvons vous envoyer nos offres pendant deux ans après votre dernier achat (six mois après une demande de renseignements), comme le permet la Loi canadienne anti-pourriel.",
                        "When you buy from us, open an account or write to us, we may send you our offers for two years after your last purchase (six months after an inquiry), as Canada’s Anti-Spam Legislation allows.",
                    )
                    .into(),
                ),
                "customers_similar" => Some(
                    self.t(
                        "Nous n’envoyons nos offres qu’à nos clients, au sujet de produits ou services semblables à ceux qu’ils ont achetés\u{a0}; vous pouvez les refuser dès votre commande.",
                        "We send our offers only to our customers, about products or services similar to those they bought; you can refuse them when you order.",
                    )
                    .into(),
                ),
                "professionals" => Some(
                    self.t(
                        "Nous n’envoyons nos offres qu’à des professionnels, à leur adresse de travail, au sujet de leur métier.",
                        "We send our offers only to professionals, at their work address, about their line of work.",
                    )
                    .into(),
                ),
                _ => Some(self.todo(
                    "comment les personnes acceptent de recevoir nos envois promotionnels\u{a0}: aujourd’hui, la case est déjà cochée",
                    "how people agree to receive our promotional mailings: today the box is already ticked",
                )),
            },
            None => None,
        };
        spans.extend(signup);
        let ticked = self.ticked("consent.mailing");
        let has = |option: &str| ticked.iter().any(|t| t == option);
        let mut add = |span: Span| {
            if !spans.is_empty() {
                spans.push(" ".into());
            }
            spans.push(span);
        };
        if has("unsubscribe") {
            add(self
                .t(
                    "Chacun de nos envois promotionnels contient un lien pour vous désinscrire.",
                    "Each of our promotional mailings contains a link to unsubscribe.",
                )
                .into());
        } else if !ticked.is_empty() {
            add(self.todo(
                "comment se désinscrire\u{a0}: aujourd’hui nos envois ne contiennent pas de lien de désinscription",
                "how to unsubscribe: today our mailings contain no unsubscribe link",
            ));
        }
        if has("tracking") {
            let mut text = self.t(
                "Nos envois contiennent un pixel de suivi qui nous indique si vous les ouvrez et cliquez sur leurs liens.",
                "Our mailings contain a tracking pixel that tells us whether you open them and click their links.",
            );
            if has("tracking_consent") {
                text.push_str(&self.t(
                    " Nous ne l’utilisons qu’avec votre accord.",
                    " We use it only with your agreement.",
                ));
            }
            add(text.into());
        }
        (!spans.is_empty()).then_some(Block::Para(spans))
    }

    /// Whom EU law lets us e-mail offers without prior consent, and how they
    /// object, citing the national law where the bank names it.
    fn soft_opt_in(&self) -> String {
        let r = self.r;
        let national = r.choice("org.establishment") == Some("france")
            || r.choice("org.eu_country") == Some("ireland");
        let law = if national {
            r.term("eprivacy_marketing_law")
                .replace("art. ", "art.\u{a0}")
                .replace("Art. ", "Art.\u{a0}")
                .replace("L. ", "L.\u{a0}")
                .replace("n° ", "n°\u{a0}")
        } else {
            self.t(
                "directive 2002/58/CE, art.\u{a0}13(2)",
                "Directive 2002/58/EC, Art.\u{a0}13(2)",
            )
        };
        match self.lang {
            Lang::Fr => format!(
                "Si vous êtes déjà client, nous pouvons vous envoyer par courriel des offres sur des produits ou services analogues à ceux que vous nous avez achetés\u{202f}; vous pouvez vous y opposer dès maintenant et à chaque envoi ({law}). Si vous êtes un professionnel, nous pouvons vous écrire à votre adresse professionnelle au sujet de votre activité\u{202f}; vous pouvez vous y opposer à tout moment."
            ),
            Lang::En => format!(
                "If you are already a customer, we may e-mail you offers about products or services similar to those you bought from us; you can object now and in every mailing ({law}). If you are a professional, we may write to you at your work address about your line of work; you can object at any time."
            ),
        }
    }
}
