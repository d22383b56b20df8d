//! The structure tree written into the PDF (ISO 32000-1, 14.7; ISO 14289-1,
//! 7.1): one structure element per node of the layout's tree, each with the
//! marked content its pages gave it (MCIDs) and the link annotations it
//! owns (OBJR), and the parent tree that leads back from content to element.

use super::tags::{NodeId, ROOT, Scope, Tree};
use lopdf::{Dictionary, Object, ObjectId};

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

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

/// Writes the tree; `mcids[page][mcid]` is the element of each marked
/// sequence, `links` the annotations in the order their `StructParent` keys
/// were given (after one key per page). Returns the `StructTreeRoot`.
pub fn write(
    pdf: &mut lopdf::Document,
    tree: &Tree,
    pages: &[ObjectId],
    mcids: &[Vec<NodeId>],
    links: &[Link],
) -> ObjectId {
    let root_id = pdf.new_object_id();
    let ids: Vec<ObjectId> = tree.nodes.iter().map(|_| pdf.new_object_id()).collect();
    let mut content: Vec<Vec<Kid>> = tree.nodes.iter().map(|_| Vec::new()).collect();
    for (page, nodes) in mcids.iter().enumerate() {
        for (mcid, &node) in nodes.iter().enumerate() {
            content[node].push(Kid::Mcid(page, mcid));
        }
    }
    for link in links {
        content[link.node].push(Kid::Objr(link.page, link.annot));
    }
    let children = tree.children();
    for (id, node) in tree.nodes.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("S", name(node.role.name()));
        dict.set(
            "P",
            if id == ROOT {
                root_id
            } else {
                ids[node.parent]
            },
        );
        let first_page = content[id].first().map(|kid| match kid {
            Kid::Mcid(page, _) | Kid::Objr(page, _) => *page,
        });
        if let Some(page) = first_page {
            dict.set("Pg", pages[page]);
        }
        let mut kids: Vec<Object> = content[id]
            .iter()
            .map(|kid| match *kid {
                // On the element's own page, an MCID is a plain number.
                Kid::Mcid(page, mcid) if Some(page) == first_page => Object::Integer(mcid as i64),
                Kid::Mcid(page, mcid) => {
                    let mut mcr = Dictionary::new();
                    mcr.set("Type", name("MCR"));
                    mcr.set("Pg", pages[page]);
                    mcr.set("MCID", mcid as i64);
                    Object::Dictionary(mcr)
                }
                Kid::Objr(page, annot) => {
                    let mut objr = Dictionary::new();
                    objr.set("Type", name("OBJR"));
                    objr.set("Pg", pages[page]);
                    objr.set("Obj", annot);
                    Object::Dictionary(objr)
                }
            })
            .collect();
        kids.extend(
            children[id]
                .iter()
                .map(|&child| Object::Reference(ids[child])),
        );
        match kids.len() {
            0 => {}
            1 => dict.set("K", kids.pop().expect("one kid")),
            _ => dict.set("K", kids),
        }
        if let Some(alt) = &node.alt {
            dict.set("Alt", super::write::text_string(alt));
        }
        if let Some(scope) = node.scope {
            let mut attributes = Dictionary::new();
            attributes.set("O", name("Table"));
            attributes.set(
                "Scope",
                name(match scope {
                    Scope::Column => "Column",
                    Scope::Row => "Row",
                }),
            );
            dict.set("A", attributes);
        }
        pdf.objects.insert(ids[id], Object::Dictionary(dict));
    }
    // The parent tree: for each page, the element of each MCID; for each
    // link annotation, its element.
    let mut nums = Vec::with_capacity(2 * (mcids.len() + links.len()));
    for (page, nodes) in mcids.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            nodes.iter().map(|&n| Object::Reference(ids[n])).collect(),
        ));
    }
    for (k, link) in links.iter().enumerate() {
        nums.push(Object::Integer((mcids.len() + k) as i64));
        nums.push(Object::Reference(ids[link.node]));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", nums);
    let parent_tree = pdf.add_object(parent_tree);
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    root.set("K", ids[ROOT]);
    root.set("ParentTree", parent_tree);
    root.set("ParentTreeNextKey", (mcids.len() + links.len()) as i64);
    pdf.objects.insert(root_id, Object::Dictionary(root));
    root_id
}
