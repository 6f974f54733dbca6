//! Sentences with links in them, as the views hand them to templates: words and links in the
//! order a message of the words layer gives (`templates/_pay_sentence.html` writes them).

use askama::Template;

use crate::web::trusted::Fragment;
use crate::words::Part;

/// A piece of a sentence with links in it: words, or a link with its words.
/// `templates/_pay_sentence.html` writes them.
pub(crate) struct Segment {
    pub(crate) text: String,
    pub(crate) href: Option<String>,
}

/// A message in segments: its words, and each of its `links` (placeholder, address, the link's
/// words) where the message puts that placeholder.
pub(crate) fn linked(parts: Vec<Part<'_>>, links: &[(&str, String, String)]) -> Vec<Segment> {
    parts
        .into_iter()
        .map(|part| match part {
            Part::Words(text) => Segment { text, href: None },
            Part::Slot(slot) => {
                let (_, href, text) = links
                    .iter()
                    .find(|(name, ..)| *name == slot)
                    .expect("every slot asked for has its link");
                Segment {
                    text: text.clone(),
                    href: Some(href.clone()),
                }
            }
        })
        .collect()
}

/// Whole sentences one after another, a space between each.
pub(crate) fn sentences(list: impl IntoIterator<Item = Vec<Segment>>) -> Vec<Segment> {
    let mut all = Vec::new();
    for sentence in list {
        if !all.is_empty() {
            all.push(Segment {
                text: " ".into(),
                href: None,
            });
        }
        all.extend(sentence);
    }
    all
}

/// A sentence without links.
pub(crate) fn plain(text: impl std::fmt::Display) -> Vec<Segment> {
    vec![Segment {
        text: text.to_string(),
        href: None,
    }]
}

/// A sentence rendered once: `templates/_sentence.html`.
#[derive(Template)]
#[template(path = "_sentence.html")]
struct SentenceHtml<'a> {
    sentence: &'a [Segment],
}

/// `sentence` rendered once, for a page that writes it on every request.
pub(crate) fn rendered(sentence: &[Segment]) -> askama::Result<Fragment> {
    Fragment::render(&SentenceHtml { sentence })
}
