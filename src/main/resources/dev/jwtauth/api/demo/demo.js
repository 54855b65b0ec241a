// The demo page: a single-page application signing in with the authorization code flow and PKCE
// (RFC 7636) as the public client demo-spa. Tokens live in memory only; a reload signs in again
// silently (prompt=none) through the browser session, and the access token is refreshed before it
// expires.
'use strict';

const CLIENT_ID = 'demo-spa';
const ORIGIN = window.location.origin;
const REDIRECT_URI = ORIGIN + '/demo/';
const SCOPE = 'openid profile tasks:read';

let issuer = null;
let tokens = null;
let refreshTimer = null;

function element(id) {
  return document.getElementById(id);
}

function show(signedIn, status) {
  element('signed-in').hidden = !signedIn;
  element('signed-out').hidden = signedIn;
  element('status').textContent = status;
}

function base64url(bytes) {
  let text = '';
  new Uint8Array(bytes).forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomValue() {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

async function signIn(prompt) {
  const request = { verifier: randomValue(), state: randomValue(), nonce: randomValue() };
  sessionStorage.setItem('demo.request', JSON.stringify(request));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state: request.state,
    nonce: request.nonce,
    code_challenge: await challengeOf(request.verifier),
    code_challenge_method: 'S256',
  });
  if (prompt) {
    params.set('prompt', prompt);
  }
  window.location.assign(ORIGIN + '/oauth2/authorize?' + params);
}

async function tokenRequest(form) {
  const response = await fetch(ORIGIN + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error_description || body.error || 'token request failed');
  }
  return body;
}

function keep(answer, nonce) {
  const idToken = answer.id_token || (tokens && tokens.idToken);
  if (answer.id_token) {
    // Straight from the token endpoint: its claims are checked, its signature is the server's.
    const claims = claimsOf(answer.id_token);
    if (claims.iss !== issuer || claims.aud !== CLIENT_ID || (nonce && claims.nonce !== nonce)) {
      throw new Error('the ID token is not for this page');
    }
  }
  tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    idToken,
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
  clearTimeout(refreshTimer);
  // Silent refresh: a new access token half a minute before this one expires.
  const delay = Math.max(5, answer.expires_in - 30) * 1000;
  refreshTimer = setTimeout(refresh, delay);
}

async function refresh() {
  try {
    keep(await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh,
      client_id: CLIENT_ID,
    }));
    await showCaller();
  } catch (e) {
    tokens = null;
    show(false, 'Your session has ended: ' + e.message);
  }
}

async function api(path) {
  const response = await fetch(ORIGIN + path, {
    headers: { Authorization: 'Bearer ' + tokens.access },
  });
  if (!response.ok) {
    throw new Error(path + ' answered ' + response.status);
  }
  return response.json();
}

async function showCaller() {
  const me = await api('/api/me');
  element('username').textContent = me.username;
  element('subject').textContent = me.sub;
  element('roles').textContent = me.roles.join(', ');
  element('scope').textContent = me.scope;
  element('expires').textContent = new Date(tokens.expiresAt).toLocaleTimeString();
  const list = element('tasks');
  list.replaceChildren();
  const tasks = await api('/api/tasks');
  if (tasks.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'No tasks yet.';
    list.appendChild(item);
  }
  tasks.forEach((task) => {
    const item = document.createElement('li');
    item.textContent = task.title + (task.done ? ' (done)' : '');
    list.appendChild(item);
  });
  show(true, 'Signed in.');
}

function signOut() {
  // Back here afterwards without a silent sign-in attempt: there is no browser session left.
  sessionStorage.setItem('demo.silent', 'tried');
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    post_logout_redirect_uri: REDIRECT_URI,
    state: randomValue(),
  });
  if (tokens && tokens.idToken) {
    params.set('id_token_hint', tokens.idToken);
  }
  window.location.assign(ORIGIN + '/oauth2/logout?' + params);
}

async function start() {
  element('sign-in').addEventListener('click', () => signIn());
  element('sign-out').addEventListener('click', signOut);
  issuer = (await (await fetch(ORIGIN + '/.well-known/openid-configuration')).json()).issuer;
  const query = new URLSearchParams(window.location.search);
  const saved = JSON.parse(sessionStorage.getItem('demo.request') || 'null');
  sessionStorage.removeItem('demo.request');
  if (query.has('code') || query.has('error') || query.has('state')) {
    window.history.replaceState(null, '', REDIRECT_URI);
  }
  if (query.has('code')) {
    if (!saved || query.get('state') !== saved.state || query.get('iss') !== issuer) {
      show(false, 'The sign-in answer did not match this page\'s request.');
      return;
    }
    keep(await tokenRequest({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: saved.verifier,
    }), saved.nonce);
    sessionStorage.removeItem('demo.silent');
    await showCaller();
    return;
  }
  if (query.has('error')) {
    show(false, query.get('error') === 'login_required' ? 'Not signed in.' : query.get('error'));
    return;
  }
  if (!sessionStorage.getItem('demo.silent')) {
    // A reload: sign in again through the browser session, without the login page.
    sessionStorage.setItem('demo.silent', 'tried');
    await signIn('none');
    return;
  }
  show(false, 'Not signed in.');
}

start().catch((e) => show(false, 'Something went wrong: ' + e.message));
