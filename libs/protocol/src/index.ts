/**
 * @taonode/protocol — the Bittensor off-chain synapse wire format, byte-compatible with the Python SDK 10.2.0:
 * synapse declarations with Python/pydantic semantics, request/response encoding and parsing, body hash with
 * Python `str()` emulation, sr25519 request signatures, nonce rules and the SDK's status codes. No I/O.
 */

// Errors
export {
  internalServerErrorMessage,
  isProtocolError,
  ProtocolError,
  type ErrorResponseBody,
  type ProtocolErrorCode,
} from './errors/protocol-error';
export {
  BlacklistedError,
  DuplicateHeaderError,
  HeaderParseError,
  InternalProtocolError,
  InvalidRequestNameError,
  OverloadedError,
  PriorityTimeoutError,
  UnknownSynapseError,
} from './errors/request-errors';
export { NotVerifiedError, type NotVerifiedCode } from './errors/verification-errors';
export {
  BodyHashMismatchError,
  BodyHashUnencodableError,
  BodyHeaderMismatchError,
  BodyUnreadableError,
  JsonSyntaxError,
  SynapseValidationError,
  type ValidationIssue,
} from './errors/body-errors';
export { ResponseEncodingError, ResponseParseError, ResponseSignatureError } from './errors/response-errors';
export {
  dendriteTransportError,
  DendriteTransportError,
  type DendriteFailureContext,
  type DendriteFailureKind,
} from './errors/dendrite-errors';
export { IpFormatError, SigningError, SynapseDefinitionError, VersionFormatError } from './errors/local-errors';

// Python values and JSON
export { MAX_FLOAT_STRING_LENGTH, MAX_SIGNATURE_HEADER_LENGTH, MAX_SS58_ADDRESS_LENGTH } from './limits/input-limits';
export { isPlainObject, PyTuple, pyTypeName, type PyDict, type PyDictKey, type PyValue } from './python/py-value';
export { pyFloatRepr } from './python/py-float-repr';
export { pyStrRepr } from './python/py-str-repr';
export { pyRepr, pyStr } from './python/py-repr';
export { pyFormatFixed } from './python/py-format';
export {
  PYTHON_INT_MAX_STR_DIGITS,
  pythonFloat,
  pythonFloatFromString,
  pythonInt,
  pythonIntFromString,
  type PythonConversion,
} from './python/py-number-parse';
export type { JsonObject, JsonValue } from './json/json-value';
export { parseLosslessJson, type LosslessJsonOptions } from './json/lossless-json-parser';
export {
  AIOHTTP_REQUEST_JSON_STYLE,
  PythonJsonEncodeError,
  STARLETTE_RESPONSE_JSON_STYLE,
  writePythonJson,
  type PythonJsonStyle,
} from './json/python-json-writer';

// Synapse declarations
export {
  field,
  FieldSpec,
  py,
  PyType,
  type FieldDeclaration,
  type FieldIn,
  type FieldOut,
  type FieldShape,
  type PyValueInput,
  type ShapeInput,
  type ShapeValues,
} from './synapse/py-type';
export { defineModel, ModelDefinition } from './synapse/model-definition';
export {
  emptyTerminalInfo,
  TERMINAL_INFO_FIELDS,
  TERMINAL_INFO_MODEL,
  type TerminalInfo,
  type TerminalInfoInput,
} from './synapse/terminal-info';
export {
  defineSynapse,
  SYNAPSE_BASE_FIELD_NAMES,
  SynapseDefinition,
  type SynapseBaseInput,
  type SynapseBaseValues,
  type SynapseDefinitionOptions,
  type SynapseInput,
  type SynapseValues,
} from './synapse/synapse-definition';
export { BaseSynapse, Dummy, TextGeneration } from './synapse/builtins';
export { INPUT_OBJ_DUMMY_VALUES, inputObjDummyValue } from './synapse/input-obj-dummy';
export { describeType, type TypeSpec } from './synapse/type-spec';

// Body hash
export { bodyHashFieldStrings, computeBodyHash, EMPTY_BODY_HASH, type BodyHashSource } from './hash/body-hash';
export { sha3Hex } from './hash/sha3';

// Signatures
export { initProtocolCrypto, isProtocolCryptoReady } from './signature/crypto-ready';
export { BITTENSOR_SS58_FORMAT, createSr25519Signer, signMessageHex, type Signer } from './signature/signer';
export {
  axonSigningMessage,
  requestSigningMessage,
  type AxonSigningParts,
  type RequestSigningParts,
} from './signature/signing-message';
export { sr25519VerifyRaw, sr25519VerifyWithBytesWrapper } from './signature/sr25519';
export { hotkeyPublicKey } from './signature/hotkey-address';
export { decodeSignatureHex } from './signature/signature-hex';
export {
  authenticateRequest,
  verifyRequestSignature,
  type AuthenticateOptions,
  type AuthenticatedCaller,
  type AuthenticationHeaders,
  type SignatureCheckOptions,
} from './signature/request-authenticator';

// Nonces
export {
  DEFAULT_NONCE_POLICY,
  evaluateNonce,
  NANOSECONDS_PER_SECOND,
  NONCE_ALLOWED_DELTA_NS,
  nonceEndpointKey,
  nonceEntryTtlNs,
  nonceEvictionHorizonNs,
  type NonceCheckInput,
  type NonceOutcome,
  type NoncePolicy,
  type NonceRejection,
} from './nonce/nonce-policy';

// Wire format
export { normalizeHeaders, type HeaderInput, type NormalizedHeaders } from './wire/header-map';
export {
  AXON_HEADER_PREFIX,
  classifyHeader,
  DENDRITE_HEADER_PREFIX,
  INPUT_OBJ_HEADER_PREFIX,
  isSdkInterpretedHeader,
  PLAIN_SYNAPSE_HEADERS,
  type HeaderRole,
} from './wire/header-names';
export { isHeaderSafe } from './wire/header-value';
export { decodeJsonBody } from './wire/body-text';
export { estimateHeaderSize, estimateTotalSize } from './wire/size-estimate';
export { requestNameFromPath, SynapseRegistry } from './wire/synapse-registry';
export {
  parseRequestHeaders,
  type ParsedRequestHeaders,
  type ParseRequestHeadersOptions,
} from './wire/request-headers';
export {
  checkBodyHash,
  checkBodyMatchesHeaders,
  parseRequest,
  parseRequestBody,
  parseRequestBodyFor,
  type ParsedRequest,
  type ParseRequestOptions,
  type RawRequest,
} from './wire/request-parser';
export {
  axonUrl,
  encodeRequest,
  type DendriteIdentity,
  type EncodedRequest,
  type EncodeRequestInput,
  type RequestTarget,
} from './wire/request-encoder';
export {
  encodeErrorResponse,
  encodeSuccessResponse,
  type AxonPreprocessInfo,
  type EncodedResponse,
  type ErrorResponseInput,
  type SuccessResponseInput,
} from './wire/response-encoder';
export {
  processServerResponse,
  type ProcessedResponse,
  type ProcessResponseOptions,
  type ServerResponse,
} from './wire/response-parser';
export {
  RESPONSE_SIGNATURE_HEADERS,
  RESPONSE_SIGNATURE_VERSION,
  responseSignatureHeaders,
  responseSigningMessage,
  verifyResponseSignature,
  type AnsweredRequest,
  type ResponseSignatureCheck,
  type ResponseSigning,
  type ResponseSigningParts,
  type VerifiedResponseSignature,
} from './wire/response-signature';

// Network and versions
export { intToIp, ipToInt, type EncodedIp, type IpVersion } from './net/ip';
export { NONCE_WINDOW_MIN_VERSION, SDK_VERSION, SDK_VERSION_AS_INT, versionAsInt } from './version';
