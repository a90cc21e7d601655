// Child processes for tests and benchmarks: spawn with pipes, read until a pattern, wait.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <regex>
#include <string>
#include <vector>

namespace fw::testing {

struct Process {
  pid_t pid = -1;
  int out = -1;  // the child's stdout
  int err = -1;  // the child's stderr (non-blocking)
  void CloseFds();
};

// Starts `args[0]` with `args`, adding `env` ("NAME=value") to the environment.
Process Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
// Reads from `fd` until `pattern` matches what was read, end of file, or the timeout.
std::string ReadUntil(int fd, const std::regex& pattern, std::chrono::milliseconds timeout);
// Reads until end of file or the timeout.
std::string ReadAll(int fd, std::chrono::milliseconds timeout);
// Reads what is available now without blocking.
std::string Drain(int fd);
// Waits for the exit code; kills the child after `timeout` (-2), -1 when killed by a signal.
int WaitExit(pid_t pid, std::chrono::milliseconds timeout);
// Resident set size of a process in KiB (VmRSS), or -1.
long RssKib(pid_t pid);

}  // namespace fw::testing
