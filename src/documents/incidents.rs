//! The incident register: the columns GDPR art. 33(5), PIPEDA's breach
//! record (s. 10.3 and the Breach of Security Safeguards Regulations) and
//! Québec's s. 3.8 register (Regulation respecting confidentiality incidents,
//! s. 7) ask for, one example row, and the notification clocks explained.

use super::Value;
use super::sheet::{Column, Sheet, Workbook};
use crate::i18n::Lang;
use crate::law::{Citation, Jurisdiction};

/// One column of the register: its heading, an example, and the provisions that ask for it.
struct Field {
    fr: &'static str,
    en: &'static str,
    width: f64,
    example: (&'static str, &'static str),
    /// The laws that ask for it, with the provision (empty: useful, not required).
    refs: &'static [(Jurisdiction, Cite)],
    /// Only under these laws (all when empty).
    only: &'static [Jurisdiction],
    /// A yes/no column.
    yes_no: bool,
}

/// A provision, written the way [`Citation`] renders it.
#[derive(Clone, Copy)]
enum Cite {
    Art(&'static str),
    Sec(&'static str),
    /// PIPEDA's Breach of Security Safeguards Regulations, a section.
    CaReg(&'static str),
    /// Québec's Regulation respecting confidentiality incidents, a section.
    QcReg(&'static str),
}

use Cite::*;
use Jurisdiction::{Ca, Eu, Qc};

const FIELDS: &[Field] = &[
    Field {
        fr: "N°",
        en: "No.",
        width: 6.0,
        example: ("EXEMPLE", "EXAMPLE"),
        refs: &[],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Date ou période de l’incident (approximative si inconnue)",
        en: "Date or period of the incident (approximate if unknown)",
        width: 16.0,
        example: ("12/03/2026 au soir", "March 12, 2026, evening"),
        refs: &[(Ca, CaReg("2(1)(b)")), (Qc, QcReg("7(3)"))],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Date où l’organisation en a pris connaissance",
        en: "Date the organization became aware of it",
        width: 16.0,
        example: ("13/03/2026, 9 h", "March 13, 2026, 9 a.m."),
        refs: &[(Eu, Art("33(1)")), (Qc, QcReg("7(4)"))],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Circonstances et cause",
        en: "Circumstances and cause",
        width: 40.0,
        example: (
            "Ordinateur portable volé dans la voiture d’un employé. Le disque n’était pas chiffré.",
            "Laptop stolen from an employee’s car. Its disk was not encrypted.",
        ),
        refs: &[
            (Eu, Art("33(5)")),
            (Ca, CaReg("2(1)(a)")),
            (Qc, QcReg("7(2)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Informations touchées (ou pourquoi on ne peut pas les décrire)",
        en: "Information affected (or why it cannot be described)",
        width: 32.0,
        example: (
            "Export des commandes\u{a0}: noms, adresses, courriels, historique d’achats (pas de numéros de carte).",
            "Order export: names, addresses, e-mails, purchase history (no card numbers).",
        ),
        refs: &[
            (Eu, Art("33(3)(a)")),
            (Ca, CaReg("2(1)(c)")),
            (Qc, QcReg("7(1)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Nombre de personnes concernées (approximatif si inconnu)",
        en: "Number of people affected (approximate if unknown)",
        width: 14.0,
        example: ("environ 1 200", "about 1,200"),
        refs: &[
            (Eu, Art("33(3)(a)")),
            (Ca, CaReg("2(1)(d)")),
            (Qc, QcReg("7(5)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Conséquences probables pour les personnes",
        en: "Likely consequences for the people",
        width: 30.0,
        example: (
            "Hameçonnage ciblé à partir des adresses et de l’historique d’achats.",
            "Targeted phishing using the addresses and purchase history.",
        ),
        refs: &[(Eu, Art("33(5)"))],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Évaluation du risque\u{a0}: sensibilité, usages malveillants possibles, probabilité",
        en: "Risk assessment: sensitivity, possible misuse, likelihood",
        width: 36.0,
        example: (
            "Informations peu sensibles, mais vol délibéré et appareil sans chiffrement\u{a0}: usage malveillant probable.",
            "Information of low sensitivity, but a deliberate theft and an unencrypted device: misuse is likely.",
        ),
        refs: &[(Ca, Sec("10.1(8)")), (Qc, QcReg("7(6)"))],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Risque justifiant un avis\u{a0}?",
        en: "Risk calling for notice?",
        width: 12.0,
        example: ("Oui", "Yes"),
        refs: &[(Eu, Art("33(1)")), (Ca, Sec("10.1(1)")), (Qc, Sec("3.5"))],
        only: &[],
        yes_no: true,
    },
    Field {
        fr: "Mesures prises pour y remédier et réduire le risque",
        en: "Measures taken to remedy it and reduce the risk",
        width: 36.0,
        example: (
            "Mots de passe des comptes changés, chiffrement activé sur les autres portables, clients avertis du risque d’hameçonnage.",
            "Account passwords changed, encryption turned on for the other laptops, customers warned of phishing.",
        ),
        refs: &[
            (Eu, Art("33(5)")),
            (Ca, CaReg("2(1)(e)")),
            (Qc, QcReg("7(8)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Date de l’avis à l’autorité",
        en: "Date of the notice to the authority",
        width: 14.0,
        example: ("14/03/2026", "March 14, 2026"),
        refs: &[
            (Eu, Art("33(1)")),
            (Ca, Sec("10.1(2)")),
            (Qc, QcReg("7(7)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Motifs du retard (avis après 72\u{a0}heures)",
        en: "Reasons for the delay (notice after 72 hours)",
        width: 24.0,
        example: ("", ""),
        refs: &[(Eu, Art("33(1)"))],
        only: &[Eu],
        yes_no: false,
    },
    Field {
        fr: "Date de l’avis aux personnes concernées",
        en: "Date of the notice to the people affected",
        width: 14.0,
        example: ("15/03/2026", "March 15, 2026"),
        refs: &[
            (Eu, Art("34(1)")),
            (Ca, Sec("10.1(3)")),
            (Qc, QcReg("7(7)")),
        ],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Avis public donné\u{a0}? Pourquoi",
        en: "Public notice given? Why",
        width: 20.0,
        example: ("Non", "No"),
        refs: &[(Qc, QcReg("7(7)"))],
        only: &[Qc],
        yes_no: false,
    },
    Field {
        fr: "Autres organisations avisées (police, banque, prestataire)",
        en: "Other organizations notified (police, bank, provider)",
        width: 24.0,
        example: ("Police (dépôt de plainte)", "Police (report filed)"),
        refs: &[(Ca, Sec("10.2(1)"))],
        only: &[],
        yes_no: false,
    },
    Field {
        fr: "Personne à contacter sur l’incident",
        en: "Person to contact about the incident",
        width: 22.0,
        example: ("Nom, fonction, courriel", "Name, role, e-mail"),
        refs: &[(Eu, Art("33(3)(b)")), (Ca, CaReg("2(1)(g)"))],
        only: &[],
        yes_no: false,
    },
];

/// A provision as a reader sees it.
fn cite(law: Jurisdiction, c: Cite, lang: Lang) -> String {
    match c {
        Art(n) => Citation::Article(n.into()).render(law, lang),
        Sec(n) => Citation::Section(n.into()).render(law, lang),
        CaReg(n) => match lang {
            Lang::Fr => format!(
                "Règlement sur les atteintes aux mesures de sécurité (DORS/2018-64), {}",
                french_point(n)
            ),
            Lang::En => {
                format!("Breach of Security Safeguards Regulations (SOR/2018-64), s.\u{a0}{n}")
            }
        },
        QcReg(n) => match lang {
            Lang::Fr => format!(
                "Règlement sur les incidents de confidentialité (RLRQ c.\u{a0}A-2.1, r.\u{a0}3.1), {}",
                quebec_point(n)
            ),
            Lang::En => format!(
                "Regulation respecting confidentiality incidents (CQLR c.\u{a0}A-2.1, r.\u{a0}3.1), s.\u{a0}{n}"
            ),
        },
    }
}

/// A federal provision as French writes it: `2(1)(b)` → "al. 2(1)b)", `6` → "art. 6".
fn french_point(n: &str) -> String {
    match n.rsplit_once('(') {
        Some((head, letter))
            if letter
                .trim_end_matches(')')
                .chars()
                .all(|c| c.is_ascii_lowercase()) =>
        {
            format!("al.\u{a0}{head}{}", letter)
        }
        _ => format!("art.\u{a0}{n}"),
    }
}

/// A Québec provision as French writes it: `7(3)` → "art. 7, par. 3°", `7` → "art. 7".
fn quebec_point(n: &str) -> String {
    match n.split_once('(') {
        Some((section, point)) => format!(
            "art.\u{a0}{section}, par.\u{a0}{}°",
            point.trim_end_matches(')')
        ),
        None => format!("art.\u{a0}{n}"),
    }
}

/// The register's title in each law's own words, or a neutral one when several apply.
fn title(laws: &[Jurisdiction], lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match laws {
        [Eu] if fr => "Registre des violations de données personnelles".into(),
        [Eu] => "Register of personal data breaches".into(),
        [Ca] if fr => "Registre des atteintes aux mesures de sécurité".into(),
        [Ca] => "Record of breaches of security safeguards".into(),
        [Qc] | [Ca, Qc] if fr => "Registre des incidents de confidentialité".into(),
        [Qc] | [Ca, Qc] => "Register of confidentiality incidents".into(),
        _ if fr => "Registre des incidents touchant des données personnelles".into(),
        _ => "Register of incidents affecting personal information".into(),
    }
}

/// The columns the laws in `laws` ask for, in order.
fn fields(laws: &[Jurisdiction]) -> Vec<&'static Field> {
    FIELDS
        .iter()
        .filter(|f| f.only.is_empty() || f.only.iter().any(|l| laws.contains(l)))
        .collect()
}

/// The register for an organisation under `laws` (every law when empty), named `org`.
pub fn workbook(laws: &[Jurisdiction], org: Option<&str>, lang: Lang) -> Workbook {
    let laws: Vec<Jurisdiction> = if laws.is_empty() {
        Jurisdiction::ALL.to_vec()
    } else {
        laws.to_vec()
    };
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let title = title(&laws, lang);
    let fields = fields(&laws);
    let yes_no = vec![tr("Oui", "Yes"), tr("Non", "No")];
    let columns: Vec<Column> = fields
        .iter()
        .map(|f| {
            let header = if fr { f.fr } else { f.en };
            if f.yes_no {
                Column::choosing(header, f.width, yes_no.clone())
            } else {
                Column::new(header, f.width)
            }
        })
        .collect();
    let example: Vec<Value> = fields
        .iter()
        .map(|f| Value::known(if fr { f.example.0 } else { f.example.1 }))
        .collect();
    let mut intro = Vec::new();
    if let Some(org) = org.filter(|o| !o.trim().is_empty()) {
        intro.push(org.to_string());
    }
    intro.push(tr(
        "Inscrivez chaque incident, même sans risque pour les personnes et même sans avis à l’autorité. La première ligne est un exemple\u{a0}: remplacez-la par vos propres incidents. Les délais et les références sont expliqués dans la feuille «\u{a0}Délais\u{a0}».",
        "Record every incident, even one with no risk to people and no notice to the authority. The first row is an example: replace it with your own incidents. The second sheet, “Deadlines”, explains the deadlines and references.",
    ));
    let register = Sheet {
        name: tr("Registre", "Register"),
        title: title.clone(),
        intro,
        columns,
        rows: vec![example],
        spare_rows: 50,
    };
    let mut sheets = vec![register, clocks(&laws, lang)];
    sheets.push(references(&laws, &fields, lang));
    Workbook { title, sheets }
}

/// The second sheet: who to notify, when, and how long to keep the register, per law.
fn clocks(laws: &[Jurisdiction], lang: Lang) -> Sheet {
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let mut rows = Vec::new();
    let mut row = |law: Jurisdiction, who: String, when: String, refs: String| {
        rows.push(vec![
            Value::known(law.name(lang)),
            Value::known(who),
            Value::known(when),
            Value::known(refs),
        ]);
    };
    for &law in laws {
        match law {
            Eu => {
                row(
                    Eu,
                    tr(
                        "Autorité de contrôle (la CNIL en France)",
                        "Supervisory authority (the CNIL in France)",
                    ),
                    tr(
                        "Dans les meilleurs délais et, si possible, 72\u{a0}heures au plus tard après en avoir pris connaissance, sauf si la violation n’est pas susceptible d’engendrer un risque pour les personnes. Passé 72\u{a0}heures, joindre les motifs du retard.",
                        "Without undue delay and, where feasible, no later than 72 hours after becoming aware of it, unless the breach is unlikely to result in a risk to people. After 72 hours, give the reasons for the delay.",
                    ),
                    cite(Eu, Art("33(1)"), lang),
                );
                row(
                    Eu,
                    tr("Personnes concernées", "People affected"),
                    tr(
                        "Dans les meilleurs délais, lorsque la violation est susceptible d’engendrer un risque élevé pour leurs droits et libertés.",
                        "Without undue delay, when the breach is likely to result in a high risk to their rights and freedoms.",
                    ),
                    cite(Eu, Art("34(1)"), lang),
                );
                row(
                    Eu,
                    tr(
                        "Le responsable du traitement, si vous êtes son sous-traitant",
                        "The controller, if you are its processor",
                    ),
                    tr(
                        "Dans les meilleurs délais après en avoir pris connaissance.",
                        "Without undue delay after becoming aware of it.",
                    ),
                    cite(Eu, Art("33(2)"), lang),
                );
                row(
                    Eu,
                    tr("Registre", "Register"),
                    tr(
                        "Toute violation y est documentée\u{a0}: les faits, leurs effets et les mesures prises. Le RGPD ne fixe pas de durée de conservation.",
                        "Every breach is documented: the facts, their effects and the remedial action taken. The GDPR sets no retention period.",
                    ),
                    cite(Eu, Art("33(5)"), lang),
                );
            }
            Ca => {
                row(
                    Ca,
                    tr(
                        "Commissaire à la protection de la vie privée du Canada",
                        "Privacy Commissioner of Canada",
                    ),
                    tr(
                        "Dès que possible après avoir conclu qu’il y a eu atteinte, s’il est raisonnable de croire qu’elle présente un risque réel de préjudice grave.",
                        "As soon as feasible after determining that the breach occurred, if it is reasonable to believe it creates a real risk of significant harm.",
                    ),
                    format!(
                        "{}\n{}",
                        cite(Ca, Sec("10.1(1)"), lang),
                        cite(Ca, Sec("10.1(2)"), lang)
                    ),
                );
                row(
                    Ca,
                    tr("Personnes concernées", "People affected"),
                    tr(
                        "Dès que possible, dans les mêmes cas, directement en principe.",
                        "As soon as feasible, in the same cases, directly as a rule.",
                    ),
                    format!(
                        "{}\n{}",
                        cite(Ca, Sec("10.1(3)"), lang),
                        cite(Ca, Sec("10.1(6)"), lang)
                    ),
                );
                row(
                    Ca,
                    tr(
                        "Autres organisations (police, banque…)",
                        "Other organizations (police, bank…)",
                    ),
                    tr(
                        "Lorsqu’elles peuvent réduire le risque de préjudice ou en atténuer les effets.",
                        "When they may be able to reduce the risk of harm or mitigate it.",
                    ),
                    cite(Ca, Sec("10.2(1)"), lang),
                );
                row(
                    Ca,
                    tr("Registre", "Record"),
                    tr(
                        "Toute atteinte aux mesures de sécurité y est consignée, et conservée 24\u{a0}mois après la date où l’organisation a conclu qu’elle a eu lieu.",
                        "Every breach of security safeguards is recorded, and kept for 24 months after the day the organization determined it occurred.",
                    ),
                    format!(
                        "{}\n{}",
                        cite(Ca, Sec("10.3(1)"), lang),
                        cite(Ca, CaReg("6"), lang)
                    ),
                );
            }
            Qc => {
                row(
                    Qc,
                    tr(
                        "Commission d’accès à l’information et personnes concernées",
                        "Commission d’accès à l’information and people affected",
                    ),
                    tr(
                        "Avec diligence, si l’incident présente un risque de préjudice sérieux. Prendre aussi sans attendre les mesures raisonnables pour réduire ce risque.",
                        "Promptly, if the incident presents a risk of serious injury. Also take reasonable measures to reduce that risk at once.",
                    ),
                    cite(Qc, Sec("3.5"), lang),
                );
                row(
                    Qc,
                    tr("Registre", "Register"),
                    tr(
                        "Tout incident de confidentialité y est inscrit, même sans risque de préjudice sérieux\u{202f}; une copie est transmise à la Commission si elle la demande. Les renseignements y sont tenus à jour et conservés au moins cinq ans après la date où l’organisation a pris connaissance de l’incident (Règlement sur les incidents de confidentialité).",
                        "Every confidentiality incident is entered, even without a risk of serious injury; a copy goes to the Commission if it asks. The entries are kept up to date and kept for at least five years after the date the organization became aware of the incident (Regulation respecting confidentiality incidents).",
                    ),
                    format!(
                        "{}\n{}",
                        cite(Qc, Sec("3.8"), lang),
                        cite(Qc, QcReg("7"), lang)
                    ),
                );
            }
        }
    }
    Sheet {
        name: tr("Délais", "Deadlines"),
        title: tr("Qui avertir, et quand", "Who to notify, and when"),
        intro: vec![tr(
            "Les délais courent à partir du moment où l’organisation a connaissance de l’incident\u{a0}: notez cette date dès le premier signalement.",
            "The clocks run from the moment the organization becomes aware of the incident: note that date at the first report.",
        )],
        columns: vec![
            Column::new(tr("Loi", "Law"), 22.0),
            Column::new(tr("Qui", "Who"), 30.0),
            Column::new(tr("Quand", "When"), 60.0),
            Column::new(tr("Référence", "Reference"), 30.0),
        ],
        rows,
        spare_rows: 0,
    }
}

/// The third sheet: which provision asks for each column.
fn references(laws: &[Jurisdiction], fields: &[&Field], lang: Lang) -> Sheet {
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let rows = fields
        .iter()
        .skip(1)
        .map(|f| {
            let refs: Vec<String> = f
                .refs
                .iter()
                .filter(|(law, _)| laws.contains(law))
                .map(|(law, c)| cite(*law, *c, lang))
                .collect();
            let refs = if refs.is_empty() {
                tr(
                    "Utile au suivi, sans exigence précise",
                    "Useful for follow-up, no specific requirement",
                )
            } else {
                refs.join("\n")
            };
            vec![
                Value::known(if fr { f.fr } else { f.en }),
                Value::known(refs),
            ]
        })
        .collect();
    Sheet {
        name: tr("Références", "References"),
        title: tr("Ce que chaque colonne répond", "What each column answers"),
        intro: Vec::new(),
        columns: vec![
            Column::new(tr("Colonne", "Column"), 50.0),
            Column::new(tr("Exigée par", "Required by"), 60.0),
        ],
        rows,
        spare_rows: 0,
    }
}
