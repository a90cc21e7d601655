// App: the composition root. Opens the store in the data directory, ensures the default
// account, registers every service's routes, and runs the HTTP server.
//
// Thread-safety: Start/Stop/Wait from the controlling thread (Stop may come from another).
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "server/bootstrap.h"
#include "server/config.h"

namespace fw::server {

class App {
 public:
  // `clock` defaults to the system clock; tests pass a ManualClock.
  explicit App(ServerConfig config, const Clock* clock = nullptr);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Status Start();
  // Graceful: stops accepting, finishes in-flight requests, closes the store.
  void Stop();
  void Wait();

  const std::string& host() const;
  uint16_t port() const;
  const BootstrapResult& bootstrap() const;

 private:
  struct Parts;
  ServerConfig config_;
  const Clock& clock_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace fw::server
