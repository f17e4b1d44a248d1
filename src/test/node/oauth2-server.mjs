// A real OAuth2 authorization server for the endpoint-authentication tests (oidc-provider, pinned in
// package.json): the client credentials grant for the webhook's client, and token introspection for the
// receiver, which accepts a delivery only with a token this server issued and still considers active.
// Usage: node oauth2-server.mjs <port>; prints "listening" when ready. Binds to 127.0.0.1 only.
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'rateup-webhooks',
      client_secret: 'the-webhooks-client-secret-0123456789',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'deliveries',
    },
    {
      client_id: 'receiver',
      client_secret: 'the-receivers-introspection-secret-0123456789',
      grant_types: [],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  scopes: ['deliveries'],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: false },
  },
  ttl: { ClientCredentials: 600 },
});
provider.listen(port, '127.0.0.1', () => console.log('listening'));
