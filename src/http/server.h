// The HTTP/1.1 server: a listener and one coroutine per connection on the I/O threads; each
// request's handler runs on a separate blocking pool so I/O threads never block.
//
// Limits: header bytes, body bytes (per request, asked of the handler after the header is
// read, so an oversized body is refused with 413 before it is read), a read timeout for slow
// clients and an idle timeout for keep-alive connections.
//
// Thread-safety: Start/Stop from one controlling thread; the handler is called concurrently
// from the blocking pool and must be thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "http/message.h"

namespace fw::http {

class Handler {
 public:
  virtual ~Handler() = default;
  // The largest body accepted for this request (method, path and headers are filled).
  virtual size_t MaxBodyBytes(const Request& head) const = 0;
  // Produces the response; runs on the blocking pool. Must not throw.
  virtual Response Handle(Request& request) = 0;
  // Runs on the I/O thread before Handle: answers at once when everything the request needs is
  // in memory, or returns nullopt to send it to the blocking pool. Must never block or throw.
  virtual std::optional<Response> TryHandleInline(Request& request) { return std::nullopt; }
  // The error response for a failure found by the HTTP layer itself (body too large,
  // malformed request): the handler knows which service's error body to use.
  virtual Response Reject(const Request& head, const Status& status) const = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port
  int io_threads = 1;
  int worker_threads = 4;
  size_t max_header_bytes = 64 * 1024;
  std::chrono::milliseconds read_timeout{30000};
  std::chrono::milliseconds idle_timeout{60000};
  std::chrono::milliseconds shutdown_grace{10000};
  bool log_requests = true;
};

class Server {
 public:
  Server(ServerOptions options, Handler& handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving. Fails when the address cannot be bound.
  Status Start();
  // The bound address, valid after Start().
  const std::string& host() const;
  uint16_t port() const;
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace), closes idle
  // connections and joins every thread. Idempotent.
  void Stop();
  // Blocks until Stop() has completed (from another thread or a signal handler's thread).
  void Wait();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fw::http
