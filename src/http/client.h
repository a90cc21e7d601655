// A small synchronous HTTP/1.1 client over one keep-alive connection: for tests, benchmarks
// and command-line tools that talk to a Formwork server. Not for production traffic.
//
// Thread-safety: one Client per thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/message.h"

namespace fw::http {

struct ClientResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  const std::string* Header(std::string_view name) const;
};

class Client {
 public:
  Client(std::string host, uint16_t port,
         std::chrono::milliseconds timeout = std::chrono::milliseconds(30000));
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends one request (Host and Content-Length are added) and reads the response.
  Result<ClientResponse> Send(std::string_view method, std::string_view target,
                              const HeaderList& headers = {}, std::string_view body = {});
  // Writes raw bytes on a fresh connection and returns everything read until the server
  // closes it or the timeout passes.
  Result<std::string> SendRaw(std::string_view bytes);
  // "127.0.0.1:8080"
  std::string HostPort() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fw::http
