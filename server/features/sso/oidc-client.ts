import * as client from "openid-client";
import type { Env } from "../../env.ts";

/** The installation's identity provider (OIDC_* in server/env.ts, docs/decisions/020). */
export type OidcOptions = {
  issuer: string;
  clientId: string;
  /** A confidential client's secret (client_secret_post); without it a public client, PKCE only. */
  clientSecret?: string;
  /** The registered return address; when absent (tests) it is made from the request's host. */
  redirectUrl?: string;
  /** Shown on the login page: "Logga in med <name>". */
  name: string;
  scopes?: string;
  /** The provider's addresses may join existing accounts without `email_verified` (OIDC_TRUST_EMAIL). */
  trustEmail?: boolean;
};

export type OidcIdentity = { issuer: string; subject: string; claims: Record<string, unknown> };

export type PendingSignIn = { url: URL; state: string; nonce: string; codeVerifier: string };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The options `npm start` passes when OIDC_ISSUER is set (readEnv has checked they belong together). */
export function oidcOptionsFromEnv(env: Env): OidcOptions | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  const redirectUrl =
    env.OIDC_REDIRECT_URL ??
    (env.PUBLIC_URL ? new URL("/auth/oidc/callback", env.PUBLIC_URL).toString() : undefined);
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl,
    name: env.OIDC_NAME,
    scopes: env.OIDC_SCOPES,
    trustEmail: env.OIDC_TRUST_EMAIL === "true",
  };
}

/**
 * Discovery once (retried after a failure), then the authorization code flow with PKCE, state and
 * nonce through openid-client. Plain http is allowed only to a provider on this machine (a test's).
 */
export function createOidcClient(options: OidcOptions) {
  const issuerUrl = new URL(options.issuer);
  const isLocalHttp = issuerUrl.protocol === "http:" && LOOPBACK_HOSTS.has(issuerUrl.hostname);
  if (issuerUrl.protocol !== "https:" && !isLocalHttp)
    throw new Error("OIDC_ISSUER must be https:// (plain http only for a provider on 127.0.0.1)");
  let configuration: Promise<client.Configuration> | null = null;
  const configure = () => {
    configuration ??= client
      .discovery(
        issuerUrl,
        options.clientId,
        options.clientSecret,
        options.clientSecret ? client.ClientSecretPost(options.clientSecret) : client.None(),
        isLocalHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  };

  return {
    name: options.name,
    redirectUrl: options.redirectUrl,
    trustEmail: options.trustEmail ?? false,

    async begin(redirectUri: string): Promise<PendingSignIn> {
      const config = await configure();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: options.scopes ?? "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /** Checks the provider's answer (state, PKCE, the ID token and its nonce) and reads the claims. */
    async finish(
      callbackUrl: URL,
      expected: { state: string; nonce: string; codeVerifier: string },
    ): Promise<OidcIdentity> {
      const config = await configure();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("The provider sent no ID token");
      // Providers put groups in the ID token (Entra ID, Keycloak's mappers) or only in userinfo.
      const userInfo = config.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}))
        : {};
      return {
        issuer: idClaims.iss,
        subject: idClaims.sub,
        claims: { ...idClaims, ...userInfo } as Record<string, unknown>,
      };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
