//! Restricting a comparison to a topic (`--section 投资`): a clause is on
//! the topic when its text, or the heading of a clause above it, contains
//! the words (folded: width, traditional characters and spaces ignored).

use fangan_model::{fold, ClauseId, Document};

/// True when clause `id` of `doc` is on `topic`.
pub fn on_topic(doc: &Document, id: ClauseId, topic: &str) -> bool {
    let want = fold::fold_str(topic);
    if want.is_empty() {
        return true;
    }
    let c = &doc.clauses[id];
    if fold::fold_str(&c.text).contains(&want) {
        return true;
    }
    let mut up = c.parent;
    while let Some(p) = up {
        let pc = &doc.clauses[p];
        if fold::fold_str(&crate::unit::heading_of(pc)).contains(&want) {
            return true;
        }
        up = pc.parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;
    use fangan_model::Level;

    #[test]
    fn a_heading_above_puts_children_on_the_topic() {
        let doc = plan(
            "p",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/（一）", Level::Group, "（一）着力扩大有效投资。"),
                ("二/（一）/1", Level::Task, "1. 推进重大项目。"),
                ("二/（二）", Level::Group, "（二）提振消费。"),
                ("二/（二）/1", Level::Task, "1. 举办美食节。"),
            ],
        );
        let hits: Vec<bool> = (0..5).map(|i| on_topic(&doc, i, "投资")).collect();
        assert_eq!(hits, vec![false, true, true, false, false]);
        assert!(on_topic(&doc, 4, "美 食"));
    }
}
