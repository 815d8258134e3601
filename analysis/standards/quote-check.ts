import type { Bilingual } from '../vocabulary.ts';
import { DOCUMENTS, documentText } from './documents.ts';

export type { Bilingual };

/**
 * Citations quote their document verbatim. A quote is checked by finding it in the document's
 * shipped text once whitespace is removed from both (the texts wrap lines where the printed copy
 * did); nothing else is normalised, so an OCR'd "%o" must be quoted as printed.
 */
export interface Citation {
  /** Id of the cited document (analysis/standards/documents.ts), e.g. huaihua-2020. */
  document: string;
  /** Where the sentence stands, by the document's own headings, e.g. 三、主要目标. */
  locator: string;
  /** The clause's own sentence (or part of it), copied from the text. */
  quote: string;
  /** 'interpretation': the rule is the project's reading of the quote, not its plain words. */
  basis?: 'text' | 'interpretation';
  interpretationReason?: Bilingual;
  /** Derived by checkCitation when a profile is read; a value given in a file is ignored. */
  verified: boolean;
}

export type CitationStatus = 'verified' | 'interpretation' | 'unverified' | 'not_found';

export interface CitationCheck {
  status: CitationStatus;
  /** True when the quote was found in the document's text. */
  found: boolean;
  /** Why the quote could not be checked or was not found. */
  reason: Bilingual | null;
}

const compact = (text: string) => text.replace(/\s+/gu, '');

const cache = new Map<string, string>();
function compactText(id: string): string | undefined {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const text = documentText(id);
  if (text === undefined) return undefined;
  const out = compact(text);
  cache.set(id, out);
  return out;
}

/** True when `quote` occurs in `text` once whitespace is ignored (an empty quote never does). */
export function quoteFound(quote: string, text: string): boolean {
  const q = compact(quote);
  return q !== '' && compact(text).includes(q);
}

export function checkCitation(
  citation: Pick<Citation, 'document' | 'quote' | 'basis'>,
): CitationCheck {
  const doc = DOCUMENTS[citation.document];
  const text = compactText(citation.document);
  if (text === undefined) {
    const name = doc?.number ?? citation.document;
    return {
      status: 'unverified',
      found: false,
      reason:
        doc === undefined
          ? { zh: `未知文件“${name}”`, en: `unknown document "${name}"` }
          : {
              zh: `${name} 为国家标准，其文本不随本工具提供，引文与数值无法核对原文`,
              en: `${name} is a national standard whose text the project does not ship; the quote and figures cannot be checked against it`,
            },
    };
  }
  const q = compact(citation.quote);
  if (q === '' || !text.includes(q)) {
    return {
      status: 'not_found',
      found: false,
      reason: {
        zh: `引文在《${doc?.title ?? citation.document}》文本中未找到`,
        en: `the quote is not found in the text of ${citation.document}`,
      },
    };
  }
  return {
    status: citation.basis === 'interpretation' ? 'interpretation' : 'verified',
    found: true,
    reason: null,
  };
}
