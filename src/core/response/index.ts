/**
 * check-response as a library: decode a captured SAMLResponse, then check it against
 * trust anchors and the expected SP values. Pure; see each file's header.
 */
export { checkResponse } from './check-response.js';
export { decodeInput, type DecodedInput, type DecodeResult, type DecodeStep } from './decode-input.js';
export { pickFromCapture, type CaptureHit, type CaptureResult } from './pick-from-capture.js';
export { decryptAssertion, type Decrypted } from './decrypt-assertion.js';
export { trustFromMetadata, trustFromPem, oktaXmlFromConfig, type TrustAnchor, type MetadataTrust } from './trust-anchors.js';
export { checkGroupsFilter, inThreadGroupsMatcher, MAX_GROUP_FILTER_LENGTH, type GroupsMatcher } from './groups-filter.js';
export { RESPONSE_CODES, type ResponseCode } from './codes.js';
export type * from './types.js';
