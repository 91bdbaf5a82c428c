import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.ts";
import {
  claimValues,
  DEFAULT_SSO_SETTINGS,
  isDefaultRoleLimited,
  mapClaims,
  type SsoSettings,
  SsoSettingsSchema,
} from "../../shared/schemas/sso.ts";

const KOMMUN = "0190a1b2-0000-7000-8000-000000000001";
const POLIS = "0190a1b2-0000-7000-8000-000000000002";
const settings: SsoSettings = {
  ...DEFAULT_SSO_SETTINGS,
  isEnabled: true,
  rules: [
    { value: "EST-Läsare", role: "viewer", organizationId: null },
    { value: "est-admin", role: "admin", organizationId: null },
    { value: "falun-alla", role: null, organizationId: KOMMUN },
    { value: "polis", role: "member", organizationId: POLIS },
  ],
};

describe("claim mapping", () => {
  it("gives the strongest matching role and the first matching organisation, ignoring case", () => {
    expect(mapClaims(settings, { groups: ["est-läsare", "est-admin", "falun-alla", "polis"] })).toEqual({
      role: "admin",
      organizationId: KOMMUN,
      source: "rule",
    });
  });

  it("reads a single string, a number and a dotted path (Keycloak's realm_access.roles)", () => {
    expect(claimValues({ roles: "est-admin" }, "roles")).toEqual(["est-admin"]);
    expect(claimValues({ groups: [42, null, "a"] }, "groups")).toEqual(["42", "a"]);
    expect(claimValues({ realm_access: { roles: ["x", "y"] } }, "realm_access.roles")).toEqual(["x", "y"]);
    expect(claimValues({ "http://schemas.example/role": ["z"] }, "http://schemas.example/role")).toEqual([
      "z",
    ]);
    expect(claimValues({}, "groups")).toEqual([]);
  });

  it("falls back to the default role, keeping a rule's organisation, and gives nothing without one", () => {
    expect(mapClaims(settings, { groups: ["ekonomi"] })).toBeNull();
    const withDefault = {
      ...settings,
      defaultRole: "viewer" as const,
      defaultOrganizationId: POLIS,
      defaultRequiredValue: "Falun-Anställda",
    };
    expect(mapClaims(withDefault, { groups: ["ekonomi", "falun-anställda"] })).toEqual({
      role: "viewer",
      organizationId: POLIS,
      source: "default",
    });
    expect(mapClaims(withDefault, { groups: ["ekonomi"] })).toBeNull();
    expect(mapClaims(withDefault, { groups: ["falun-alla", "falun-anställda"] })).toEqual({
      role: "viewer",
      organizationId: KOMMUN,
      source: "default",
    });
  });

  it("gives no default role that nothing limits: it would admit anyone the provider vouches for", () => {
    const unlimited = { ...settings, defaultRole: "viewer" as const };
    expect(isDefaultRoleLimited(unlimited)).toBe(false);
    expect(mapClaims(unlimited, { groups: ["ekonomi"] }, "eva@falun.se")).toBeNull();
  });

  it("gives a domain-limited default role only to a verified address of an allowed domain", () => {
    const byDomain = { ...settings, defaultRole: "viewer" as const, defaultEmailDomains: ["falun.se"] };
    const viewer = { role: "viewer", organizationId: null, source: "default" };
    expect(mapClaims(byDomain, { groups: [] }, "eva@falun.se")).toEqual(viewer);
    expect(mapClaims(byDomain, { groups: [] }, "eva@borlange.se")).toBeNull();
    expect(mapClaims(byDomain, { groups: [] }, "eva@sub.falun.se")).toBeNull();
    expect(mapClaims(byDomain, { groups: [] }, null)).toBeNull();
    // Both limits set: both must hold.
    const both = { ...byDomain, defaultRequiredValue: "falun-anställda" };
    expect(mapClaims(both, { groups: [] }, "eva@falun.se")).toBeNull();
    expect(mapClaims(both, { groups: ["falun-anställda"] }, "eva@falun.se")).toEqual(viewer);
  });

  it("reads e-mail domains as lower case and refuses one typed with @", () => {
    const parse = (domains: string[]) =>
      SsoSettingsSchema.safeParse({ ...DEFAULT_SSO_SETTINGS, defaultEmailDomains: domains });
    expect(parse([" Falun.SE "]).data?.defaultEmailDomains).toEqual(["falun.se"]);
    expect(parse(["@falun.se"]).success).toBe(false);
    expect(parse(["falun"]).success).toBe(false);
  });
});

describe("OIDC environment", () => {
  const base = { OIDC_CLIENT_ID: "est", PUBLIC_URL: "https://est.falun.se" };
  it("refuses an issuer without https, unless it is a test provider on loopback outside production", () => {
    expect(() => readEnv({ ...base, OIDC_ISSUER: "http://idp.falun.se/realms/est" })).toThrow(
      "OIDC_ISSUER: must be https://",
    );
    expect(() =>
      readEnv({ ...base, NODE_ENV: "production", OIDC_ISSUER: "http://127.0.0.1:8080/realms/est" }),
    ).toThrow("OIDC_ISSUER: must be https://");
    expect(readEnv({ ...base, NODE_ENV: "test", OIDC_ISSUER: "http://127.0.0.1:8080" }).OIDC_ISSUER).toBe(
      "http://127.0.0.1:8080",
    );
  });

  it("names what is missing: the client id, and a return address", () => {
    expect(() => readEnv({ OIDC_ISSUER: "https://login.microsoftonline.com/t/v2.0" })).toThrow(
      /OIDC_CLIENT_ID: required[\s\S]*OIDC_REDIRECT_URL: set it, or PUBLIC_URL/,
    );
  });
});
