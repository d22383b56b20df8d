//! Who receives the information and where it goes: recipients and transfers.

use super::Builder;
use crate::answer::Answer;
use crate::documents::EntryView;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::{Lang, join_list};
use crate::law::Jurisdiction::{Ca, Eu, Qc};

impl Builder<'_> {
    /// The third parties that receive the information this policy is about
    /// (not only what is handled for clients), or `None` when the answers do
    /// not say whether any.
    fn third_parties(&self) -> Option<Vec<EntryView<'_>>> {
        let (_, for_clients) = self.activities();
        let clients_only: Vec<String> = for_clients.iter().map(|e| e.name.clone()).collect();
        match self.r.yes("tp.shares") {
            Some(false) => Some(Vec::new()),
            Some(true) => Some(
                self.r
                    .entries("tp.list")
                    .into_iter()
                    .filter(|tp| {
                        let shared = tp.selected("info_shared");
                        shared.is_empty() || shared.iter().any(|s| !clients_only.contains(s))
                    })
                    .collect(),
            ),
            None => None,
        }
    }

    /// What a third party does with the information, as a policy states it.
    fn role(&self, id: Option<&str>) -> Option<String> {
        let provider = self.r.term("provider");
        Some(match id? {
            "processor" => match self.lang {
                Lang::Fr => format!("{provider} qui agit pour notre compte"),
                Lang::En => format!("{provider} acting on our behalf"),
            },
            "controller" => self.t(
                "les utilise pour son propre compte",
                "uses it on its own behalf",
            ),
            "joint" => self.t(
                "décide avec nous de leur usage",
                "decides with us how it is used",
            ),
            _ => return None,
        })
    }

    /// Whether the assessment finds that the website's advertising or social
    /// trackers send data to platforms the third parties do not list.
    fn platforms_missing(&self) -> bool {
        self.fires("tp.ad_platform.missing", None)
    }

    /// The placeholder for the platforms the trackers send browsing data to.
    fn platforms(&self) -> Span {
        let video = self
            .ticked("trans.cookie_types")
            .iter()
            .any(|t| t == "video");
        let (fr, en) = (
            "plateformes publicitaires ou réseaux sociaux qui reçoivent les données de navigation",
            "advertising platforms or social networks that receive the browsing data",
        );
        if video {
            self.todo(
                &format!("{fr} (et fournisseurs des vidéos ou cartes intégrées)"),
                &format!("{en} (and providers of embedded videos or maps)"),
            )
        } else {
            self.todo(fr, en)
        }
    }

    /// Art. 13(1)(e): who receives the information.
    pub(super) fn recipients(&self) -> Section {
        let own: Vec<String> = self.activities().0.iter().map(|e| e.name.clone()).collect();
        let blocks = match self.third_parties() {
            None => vec![Block::Para(vec![self.todo(
                "à qui vous communiquez ces informations",
                "who you share this information with",
            )])],
            Some(tps) if tps.is_empty() && self.platforms_missing() => {
                vec![Block::Para(vec![self.platforms()])]
            }
            Some(tps) if tps.is_empty() => vec![Block::Para(vec![
                match self.lang {
                    Lang::Fr => format!("Nous ne communiquons vos {} à aucun tiers.", self.pi),
                    Lang::En => format!("We do not share your {} with anyone.", self.pi),
                }
                .into(),
            ])],
            Some(tps) => {
                let mut lines: Vec<Vec<Span>> = tps
                    .iter()
                    .map(|tp| {
                        let mut line: Vec<Span> = vec![tp.name.clone().into()];
                        if let Some(Answer::Text(service)) = tp.answer("service")
                            && !service.trim().is_empty()
                        {
                            line.push(format!(" — {}", service.trim()).into());
                        }
                        let mut about = Vec::new();
                        if let Some(role) = self.role(tp.choice("role")) {
                            about.push(role);
                        }
                        let shared: Vec<String> = tp
                            .selected("info_shared")
                            .iter()
                            .filter(|s| own.contains(s))
                            .cloned()
                            .collect();
                        if !shared.is_empty() {
                            about.push(join_list(&shared, self.lang));
                        }
                        if !about.is_empty() {
                            let sep = self.semicolon();
                            line.push(format!(" ({})", about.join(sep)).into());
                        }
                        line
                    })
                    .collect();
                // Art. 13(1)(e): the platforms the assessment knows are missing.
                if self.platforms_missing() {
                    lines.push(vec![self.platforms()]);
                }
                vec![
                    Block::Para(vec![
                        match self.lang {
                            Lang::Fr => format!(
                                "Nous communiquons {} de vos {} aux organisations suivantes, pour les seules fins indiquées\u{a0}:",
                                // « renseignements » is masculine, « données » feminine.
                                if self.pi.starts_with("renseignements") {
                                    "certains"
                                } else {
                                    "certaines"
                                },
                                self.pi
                            ),
                            Lang::En => self.spell(&format!(
                                "We share some of your {} with the following organizations, only for the purposes stated:",
                                self.pi
                            )),
                        }
                        .into(),
                    ]),
                    Block::Bullets(lines),
                ]
            }
        };
        self.section(
            Item::Recipients,
            self.t("À qui nous les communiquons", "Who we share it with"),
            blocks,
        )
    }

    /// How a transfer outside the Union is safeguarded, as the policy states it.
    fn safeguard(&self, tp: &EntryView<'_>) -> Span {
        match tp.choice("safeguards") {
            Some("adequacy") => self
                .t(
                    "décision d’adéquation de la Commission européenne (RGPD, art.\u{a0}45)",
                    "adequacy decision of the European Commission (GDPR, Art.\u{a0}45)",
                )
                .into(),
            Some("dpf") => self
                .t(
                    "certification du destinataire au cadre de protection des données UE–États-Unis (Data Privacy Framework), objet de la décision d’adéquation de la Commission européenne du 10\u{a0}juillet 2023 (RGPD, art.\u{a0}45)",
                    "the recipient’s certification under the EU–U.S. Data Privacy Framework, covered by the European Commission’s adequacy decision of 10\u{a0}July 2023 (GDPR, Art.\u{a0}45)",
                )
                .into(),
            Some("scc") => self
                .t(
                    "clauses contractuelles types adoptées par la Commission européenne (RGPD, art.\u{a0}46(2)(c))",
                    "standard contractual clauses adopted by the European Commission (GDPR, Art.\u{a0}46(2)(c))",
                )
                .into(),
            Some("bcr") => self
                .t(
                    "règles d’entreprise contraignantes de son groupe (RGPD, art.\u{a0}47)",
                    "binding corporate rules of its group (GDPR, Art.\u{a0}47)",
                )
                .into(),
            Some("derogation") => self.todo(
                "dérogation de l’article 49 du RGPD invoquée",
                "derogation of GDPR Article 49 relied on",
            ),
            // No safeguard is not the same gap as not knowing which one.
            Some("none") => self.todo(
                "aucune garantie n’encadre aujourd’hui ce transfert\u{a0}: clauses contractuelles types ou certification Data Privacy Framework à obtenir",
                "no safeguard covers this transfer today: standard contractual clauses or a Data Privacy Framework certification to obtain",
            ),
            Some("privacy_shield") => self.todo(
                "garantie valable\u{a0}: le Privacy Shield a été invalidé par la Cour de justice de l’Union européenne le 16\u{a0}juillet 2020",
                "a valid safeguard: the Privacy Shield was invalidated by the Court of Justice of the European Union on 16 July 2020",
            ),
            _ => self.todo(
                "garantie qui encadre ce transfert (RGPD, art. 45 à 49)",
                "safeguard for this transfer (GDPR, Art. 45 to 49)",
            ),
        }
    }

    /// The reference of Canada's adequacy decision, kept in force by the GDPR.
    fn canada_decision(&self) -> String {
        self.t(
            "décision 2002/2/CE\u{a0}; RGPD, art.\u{a0}45(9)",
            "Decision 2002/2/EC; GDPR, Art.\u{a0}45(9)",
        )
    }

    /// Canada's adequacy decision, which covers a recipient in Canada.
    fn canada_adequacy(&self) -> String {
        match self.lang {
            Lang::Fr => format!(
                "décision d’adéquation de la Commission européenne pour le Canada ({})",
                self.canada_decision()
            ),
            Lang::En => format!(
                "the European Commission’s adequacy decision for Canada ({})",
                self.canada_decision()
            ),
        }
    }

    /// Art. 13(1)(f) under the GDPR: where the information goes outside the
    /// Union, and the safeguard of each transfer. A business established in
    /// Canada says so once: its own country, and its Canadian recipients, are
    /// covered by the adequacy decision for Canada.
    fn eu_transfers(&self, tps: &[EntryView<'_>]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let in_canada = |place: Option<&str>| matches!(place, Some("qc" | "ca"));
        let establishment = self.r.choice("org.establishment").unwrap_or_default();
        let established_in_canada = super::established_in_canada(self.r);
        if established_in_canada {
            blocks.push(Block::Para(vec![
                match self.lang {
                    Lang::Fr => format!(
                        "Nous sommes établis au Canada, où vos {} sont {}. La Commission européenne reconnaît que le Canada assure un niveau de protection adéquat ({}).",
                        self.pi,
                        if self.pi.starts_with("renseignements") {
                            "traités"
                        } else {
                            "traitées"
                        },
                        self.canada_decision()
                    ),
                    Lang::En => format!(
                        "We are established in Canada, where your {} is processed. The European Commission recognizes that Canada ensures an adequate level of protection ({}).",
                        self.pi,
                        self.canada_decision()
                    ),
                }
                .into(),
            ]));
        } else if establishment == "elsewhere" {
            blocks.push(Block::Para(vec![
                self.t(
                    "Nous sommes établis hors de l’Union européenne\u{a0}: ",
                    "We are established outside the European Union: ",
                )
                .into(),
                self.todo(
                    "pays où nous traitons vos données et garantie qui encadre leur transfert (RGPD, art. 45 à 49)",
                    "country where we process your data and the safeguard for their transfer (GDPR, Art. 45 to 49)",
                ),
                ".".into(),
            ]));
        }
        let outside: Vec<&EntryView<'_>> = tps
            .iter()
            .filter(|tp| tp.choice("country") != Some("eu"))
            .filter(|tp| !(established_in_canada && in_canada(tp.choice("country"))))
            .collect();
        let platforms = self.platforms_missing().then(|| {
            self.todo(
                "pays des plateformes publicitaires ou réseaux sociaux qui reçoivent les données de navigation, et garantie qui encadre ce transfert (RGPD, art. 45 à 49)",
                "country of the advertising platforms or social networks that receive the browsing data, and the safeguard for this transfer (GDPR, Art. 45 to 49)",
            )
        });
        if outside.is_empty() && platforms.is_none() {
            if !established_in_canada && establishment != "elsewhere" {
                let moved = match self.lang {
                    Lang::Fr if self.pi.starts_with("renseignements") => "transférés",
                    Lang::Fr => "transférées",
                    Lang::En => "transferred",
                };
                blocks.push(Block::Para(vec![
                    match self.lang {
                        Lang::Fr => format!(
                            "Vos {} ne sont pas {moved} hors de l’Union européenne.",
                            self.pi
                        ),
                        Lang::En => format!(
                            "Your {} is not {moved} outside the European Union.",
                            self.pi
                        ),
                    }
                    .into(),
                ]));
            }
            return blocks;
        }
        blocks.push(Block::Para(vec![
            if established_in_canada {
                self.t(
                    "Les destinataires suivants se trouvent hors du Canada et de l’Union européenne. Chaque transfert est encadré comme suit\u{a0}:",
                    "The following recipients are outside Canada and the European Union. Each transfer is safeguarded as follows:",
                )
            } else {
                self.t(
                    "Les destinataires suivants se trouvent hors de l’Union européenne. Chaque transfert est encadré comme suit\u{a0}:",
                    "The following recipients are outside the European Union. Each transfer is safeguarded as follows:",
                )
            }
            .into(),
        ]));
        blocks.push(Block::Bullets(
            outside
                .iter()
                .map(|tp| {
                    let place = tp.value("country").text;
                    let safeguard = if in_canada(tp.choice("country")) {
                        self.canada_adequacy().into()
                    } else if tp.ruled_out("safeguards") {
                        self.todo(
                            "garantie qui encadre ce transfert",
                            "safeguard for this transfer",
                        )
                    } else {
                        self.safeguard(tp)
                    };
                    vec![
                        format!("{} ({place}){} ", tp.name, self.colon()).into(),
                        safeguard,
                    ]
                })
                .chain(platforms.map(|p| vec![p]))
                .collect(),
        ));
        if outside
            .iter()
            .any(|tp| matches!(tp.choice("safeguards"), Some("scc" | "bcr")))
        {
            blocks.push(Block::Para(vec![
                self.t(
                    "Vous pouvez obtenir une copie de ces garanties en nous écrivant à ",
                    "You can obtain a copy of these safeguards by writing to us at ",
                )
                .into(),
                self.email(),
                ".".into(),
            ]));
        }
        blocks
    }

    /// Art. 13(1)(f): transfers outside the Union, Québec or Canada.
    pub(super) fn transfers(&self) -> Section {
        let r = self.r;
        let mut blocks = Vec::new();
        let tps = self.third_parties();
        let country = |tp: &EntryView<'_>| tp.value("country").text;
        match &tps {
            None => blocks.push(Block::Para(vec![self.todo(
                "où vos tiers hébergent ou traitent les informations",
                "where your third parties host or process the information",
            )])),
            Some(tps) => {
                if r.under(Eu) {
                    blocks.extend(self.eu_transfers(tps));
                }
                if r.under(Qc) {
                    let leaving: Vec<&EntryView<'_>> = tps
                        .iter()
                        .filter(|tp| tp.choice("country") != Some("qc"))
                        .collect();
                    let outside: Vec<String> = leaving
                        .iter()
                        .map(|tp| format!("{} ({})", tp.name, country(tp)))
                        .collect();
                    // Said only when the answers record the s. 17 assessment for every one.
                    let assessed = !leaving.is_empty()
                        && leaving
                            .iter()
                            .all(|tp| tp.answer("qc_assessment") == Some(&Answer::Bool(true)));
                    blocks.push(Block::Para(vec![if outside.is_empty() {
                        self.t(
                            "Vos renseignements personnels ne sont pas communiqués à l’extérieur du Québec.",
                            "Your personal information is not shared outside Québec.",
                        )
                    } else {
                        match self.lang {
                            Lang::Fr => format!(
                                "Vos renseignements personnels peuvent être communiqués à l’extérieur du Québec, à {}.",
                                join_list(&outside, self.lang)
                            ),
                            Lang::En => format!(
                                "Your personal information may be shared outside Québec, with {}.",
                                join_list(&outside, self.lang)
                            ),
                        }
                    }
                    .into()]));
                    if assessed {
                        blocks.push(Block::Para(vec![self
                            .t(
                                "Avant de les communiquer à l’extérieur du Québec, nous évaluons les facteurs relatifs à la vie privée, comme la loi l’exige (RLRQ c.\u{a0}P-39.1, art.\u{a0}17).",
                                "Before sharing it outside Québec, we assess the privacy-related factors, as the law requires (CQLR c.\u{a0}P-39.1, s.\u{a0}17).",
                            )
                            .into()]));
                    }
                }
                if r.under(Ca) {
                    let abroad: Vec<String> = tps
                        .iter()
                        .filter(|tp| matches!(tp.choice("country"), Some("us" | "eu" | "other")))
                        .map(|tp| format!("{} ({})", tp.name, country(tp)))
                        .collect();
                    if !abroad.is_empty() {
                        blocks.push(Block::Para(vec![match self.lang {
                            Lang::Fr => format!(
                                "Certains de vos renseignements sont traités hors du Canada, par {}. Ils y sont soumis aux lois du pays concerné et peuvent être communiqués à ses tribunaux, à ses organismes chargés de l’application de la loi et à ses autorités.",
                                join_list(&abroad, self.lang)
                            ),
                            Lang::En => format!(
                                "Some of your information is processed outside Canada, by {}. There it is subject to the laws of that country and may be disclosed to its courts, law enforcement agencies and authorities.",
                                join_list(&abroad, self.lang)
                            ),
                        }
                        .into()]));
                    } else if !r.under(Qc) && !r.under(Eu) {
                        blocks.push(Block::Para(vec![self
                            .t(
                                "Vos renseignements personnels sont conservés et traités au Canada.",
                                "Your personal information is kept and processed in Canada.",
                            )
                            .into()]));
                    }
                }
            }
        }
        let title = if r.laws() == [Eu] {
            self.t(
                "Transferts hors de l’Union européenne",
                "Transfers outside the European Union",
            )
        } else {
            self.t(
                "Où vos renseignements sont traités",
                "Where your information is processed",
            )
        };
        self.section(Item::Transfers, title, blocks)
    }
}
