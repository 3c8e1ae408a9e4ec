// Preloaded with `node --import` into a child process to unplug the network: any TCP connection or name lookup
// that is not for loopback throws and is reported on stderr as "network blocked: …", so a test can prove a command
// works offline (the demo) instead of merely hoping it does.
import dns from 'node:dns'
import net from 'node:net'

const loopback = (host) =>
  !host || host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '::ffff:127.0.0.1'
const block = (what) => {
  process.stderr.write(`network blocked: ${what}\n`)
  throw new Error(`network unplugged: ${what}`)
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options =
    typeof first === 'object' && first !== null
      ? first
      : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }
  if (options.path === undefined && !loopback(options.host)) block(`connect ${options.host}:${options.port}`)
  return connect.apply(this, args)
}

const lookup = dns.lookup
dns.lookup = function (host, ...rest) {
  if (!loopback(host)) block(`lookup ${host}`)
  return lookup.call(this, host, ...rest)
}
const promisedLookup = dns.promises.lookup
dns.promises.lookup = function (host, ...rest) {
  if (!loopback(host)) block(`lookup ${host}`)
  return promisedLookup.call(this, host, ...rest)
}
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => block(`${name} ${host}`)
  dns.promises[name] = async (host) => block(`${name} ${host}`)
}
