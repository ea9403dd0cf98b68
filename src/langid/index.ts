/**
 * Public surface of language detection, for the HTTP edge and the summarizer.
 *
 * @module
 */
export { LANGUAGES, type LanguageInfo, languageByCode, SUPPORTED_CODES } from './codes'
export { type Detection, type DetectOptions, detectLanguage, RELIABLE_AT } from './detect'
export { detectSegments, type LanguageSegment } from './segments'
