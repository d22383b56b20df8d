//! The structure tree written into the PDF (ISO 32000-1, 14.7; ISO 14289-1,
//! 7.1): one structure element per node of the layout's tree, each with the
//! marked content its pages gave it (MCIDs) and the link annotations it
//! owns (OBJR), and the parent tree that leads back from content to element;
//! written straight as PDF syntax (a report has thousands of elements).

use super::groups::Groups;
use super::save::Raw;
use super::tags::{NodeId, ROOT, Scope, Tree};
use lopdf::ObjectId;
use std::io::Write as _;

/// A link annotation and the structure element it belongs to.
pub struct Link {
    /// The `Link` element.
    pub node: NodeId,
    /// Its page, from 0.
    pub page: usize,
    /// The annotation.
    pub annot: ObjectId,
}

/// One piece of an element's content.
enum Kid {
    /// Marked content: page, MCID.
    Mcid(usize, usize),
    /// An annotation: page, object.
    Objr(usize, ObjectId),
}

/// Writes the tree into `raw`; `mcids[page][mcid]` is the element of each
/// marked sequence, `links` the annotations in the order their
/// `StructParent` keys were given (after one key per page). Returns the
/// `StructTreeRoot`.
pub fn write(
    pdf: &mut lopdf::Document,
    raw: &mut Raw,
    tree: &Tree,
    pages: &[ObjectId],
    mcids: &[Vec<NodeId>],
    links: &[Link],
) -> ObjectId {
    let root_id = pdf.new_object_id();
    let parent_tree_id = pdf.new_object_id();
    let ids: Vec<u32> = tree.nodes.iter().map(|_| pdf.new_object_id().0).collect();
    let marked = mcids.iter().enumerate().flat_map(|(page, nodes)| {
        let kids = nodes.iter().enumerate();
        kids.map(move |(mcid, &node)| (node, Kid::Mcid(page, mcid)))
    });
    let annotations = links
        .iter()
        .map(|link| (link.node, Kid::Objr(link.page, link.annot)));
    let content = Groups::new(tree.nodes.len(), marked.chain(annotations));
    let children = tree.children();
    let page = |n: usize| pages[n].0;
    for (id, node) in tree.nodes.iter().enumerate() {
        let out = &mut raw.bytes;
        let parent = if id == ROOT {
            root_id.0
        } else {
            ids[node.parent]
        };
        let _ = write!(out, "<</S/{}/P {parent} 0 R", node.role.name());
        let first_page = content.of(id).first().map(|kid| match kid {
            Kid::Mcid(page, _) | Kid::Objr(page, _) => *page,
        });
        if let Some(first) = first_page {
            let _ = write!(out, "/Pg {} 0 R", page(first));
        }
        let count = content.of(id).len() + children.of(id).len();
        if count > 0 {
            out.extend_from_slice(if count == 1 { b"/K " } else { b"/K[" });
            for (i, kid) in content.of(id).iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                let _ = match *kid {
                    // On the element's own page, an MCID is a plain number.
                    Kid::Mcid(p, mcid) if Some(p) == first_page => write!(out, "{mcid}"),
                    Kid::Mcid(p, mcid) => {
                        write!(out, "<</Type/MCR/Pg {} 0 R/MCID {mcid}>>", page(p))
                    }
                    Kid::Objr(p, annot) => {
                        write!(out, "<</Type/OBJR/Pg {} 0 R/Obj {} 0 R>>", page(p), annot.0)
                    }
                };
            }
            for (i, &child) in children.of(id).iter().enumerate() {
                if i > 0 || !content.of(id).is_empty() {
                    out.push(b' ');
                }
                let _ = write!(out, "{} 0 R", ids[child]);
            }
            if count > 1 {
                out.push(b']');
            }
        }
        if let Some(alt) = &node.alt {
            raw.bytes.extend_from_slice(b"/Alt");
            raw.value(&super::strings::text_string(alt));
        }
        if let Some(scope) = node.scope {
            let scope = match scope {
                Scope::Column => "Column",
                Scope::Row => "Row",
            };
            let _ = write!(raw.bytes, "/A<</O/Table/Scope/{scope}>>");
        }
        raw.bytes.extend_from_slice(b">>");
        raw.end(ids[id]);
    }
    // The parent tree: for each page, the element of each MCID; for each
    // link annotation, its element.
    let out = &mut raw.bytes;
    out.extend_from_slice(b"<</Nums[");
    for (page, nodes) in mcids.iter().enumerate() {
        let _ = write!(out, "{page}[");
        for (i, &node) in nodes.iter().enumerate() {
            let _ = write!(out, "{}{} 0 R", if i > 0 { " " } else { "" }, ids[node]);
        }
        out.extend_from_slice(b"]\n");
    }
    for (k, link) in links.iter().enumerate() {
        let _ = writeln!(out, "{} {} 0 R", mcids.len() + k, ids[link.node]);
    }
    out.extend_from_slice(b"]>>");
    raw.end(parent_tree_id.0);
    let _ = write!(
        raw.bytes,
        "<</Type/StructTreeRoot/K {} 0 R/ParentTree {} 0 R/ParentTreeNextKey {}>>",
        ids[ROOT],
        parent_tree_id.0,
        mcids.len() + links.len()
    );
    raw.end(root_id.0);
    root_id
}
