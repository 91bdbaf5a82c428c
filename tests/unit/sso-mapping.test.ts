import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.ts";
import { claimValues, DEFAULT_SSO_SETTINGS, mapClaims, type SsoSettings } from "../../shared/schemas/sso.ts";

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
    const withDefault = { ...settings, defaultRole: "viewer" as const, defaultOrganizationId: POLIS };
    expect(mapClaims(withDefault, { groups: ["ekonomi"] })).toEqual({
      role: "viewer",
      organizationId: POLIS,
      source: "default",
    });
    expect(mapClaims(withDefault, { groups: ["falun-alla"] })).toEqual({
      role: "viewer",
      organizationId: KOMMUN,
      source: "default",
    });
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
