/**
 * Glossaries: the data model, parsing and validation, import/export, the term matcher, the
 * summary and terminology-check helpers, and the store interface. Pure: no Hono, no Workers APIs
 * (the KV backend lives in `src/storage/glossary-kv.ts`).
 *
 * @module
 */
export { BUNDLED_GLOSSARIES } from './bundled.generated'
export {
  exportGlossary,
  formatFromMediaType,
  GLOSSARY_FORMATS,
  GLOSSARY_MEDIA_TYPES,
  type GlossaryEntryJson,
  type GlossaryFormat,
  type GlossaryJson,
  glossaryToJson,
  importGlossary,
} from './io'
export { canonicalLanguage, resolveColumn } from './languages'
export { GLOSSARY_ID_PATTERN, GLOSSARY_LIMITS, isGlossaryId } from './limits'
export { compileMatcher, findTerms, matcherFor, type TermMatcher } from './match'
export { conceptName, type EntryTerms, entryTermsIn, glossaryVersion } from './model'
export {
  createGlossaryStore,
  createMemoryGlossaryBackend,
  type DeleteGlossaryResult,
  type GlossaryBackend,
  type GlossarySource,
  type GlossaryStore,
  type GlossarySummary,
  ifMatchPasses,
  type PutGlossaryResult,
  type StoredGlossary,
  type WriteOptions,
} from './store'
export {
  checkTerminology,
  replaceWithPreferred,
  type TerminologyFinding,
  type TermOccurrence,
  termOccurrences,
} from './terms'
export type { Glossary, GlossaryEntry, GlossaryFlag, TermMatch } from './types'
export {
  type BuildResult,
  buildGlossary,
  type GlossaryIssue,
  type GlossaryIssueCode,
} from './validate'
