/**
 * The attributes Polyaxon maps (email, first name, last name, groups; names from `urls`' defaults,
 * overridable with --attr-*), and --redact: attribute values and the NameID are personal data, so
 * a report meant for a ticket can mask them while keeping what the fix needs (the domain, the shape).
 */
import type { AttributeNameOptions, ResponseReport, UserValues } from './types.js';

export function mapUser(attrs: Record<string, string[]>, names: AttributeNameOptions): UserValues {
  const first = (n: string) => attrs[n]?.[0] ?? null;
  return {
    email: first(names.email),
    firstName: first(names.firstName),
    lastName: first(names.lastName),
    groups: names.groups === undefined ? null : (attrs[names.groups] ?? null),
  };
}

/** `jane.doe@acme.com` → `j***@acme.com`; `Jane` → `J***`. */
export function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  return at > 0 ? `${v[0]}***${v.slice(at)}` : maskName(v);
}

export function maskName(v: string): string {
  return v === '' ? v : `${[...v][0]}***`;
}

/** An email keeps its first character and domain; any other value its first character only. */
export function maskValue(v: string): string {
  return maskEmail(v);
}

/**
 * --redact masks every attribute value and the NameID, whatever the attribute is called: a
 * `Name`, `displayName` or `employeeNumber` attribute is as personal as `email`, and a list of
 * "personal" names would always miss one. Group names are masked too (they can name a person).
 */
export function maskUser(report: ResponseReport): void {
  const u = report.user;
  if (u.email !== null) u.email = maskEmail(u.email);
  if (u.firstName !== null) u.firstName = maskName(u.firstName);
  if (u.lastName !== null) u.lastName = maskName(u.lastName);
  if (u.groups !== null) u.groups = u.groups.map(maskValue);
  if (report.nameId !== null) report.nameId = maskEmail(report.nameId);
  for (const [k, vals] of Object.entries(report.attributes)) report.attributes[k] = vals.map(maskValue);
  // Finding messages may quote a value read in full (a comment inside NameID): mask those too.
  for (const f of report.findings)
    if (f.code === 'XML_COMMENT_IN_VALUE') f.message = f.message.replace(/read in full as .*$/, 'read in full (redacted)');
}
