import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/** A person at the test identity provider: what its claims say about them. */
export type ProviderAccount = {
  email: string;
  name: string;
  emailVerified?: boolean;
  groups?: string[];
};

export const TEST_CLIENT = { id: "est-lagesbild", secret: "test-client-secret-0123456789" };
const SCOPE = "openid email profile groups";

/**
 * A real OpenID Connect provider (oidc-provider 9) on a free loopback port, with its development
 * login page: any password is taken, the typed login is the account's id. Consent is granted
 * up front, as a kommun's provider does for its own applications. The port (so the issuer) is
 * known first; `start` takes the app's return address once the app listens.
 */
export async function reserveIdentityProvider() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    scope: SCOPE,
    start(options: { redirectUris: string[]; accounts: Map<string, ProviderAccount> }) {
      server.on("request", createProvider(issuer, options).callback());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function createProvider(
  issuer: string,
  options: { redirectUris: string[]; accounts: Map<string, ProviderAccount> },
) {
  return new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    pkce: { required: () => true },
    cookies: { keys: ["est-test-provider-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = options.accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? false,
          name: account.name,
          groups: account.groups ?? [],
        }),
      };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const existing =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
  });
}
