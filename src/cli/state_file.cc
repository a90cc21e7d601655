#include "cli/state_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fw::cli {

namespace fs = std::filesystem;

std::string StatePathFor(const std::string& config_path, const std::string& state_flag) {
  if (!state_flag.empty()) return state_flag;
  std::error_code ec;
  if (fs::is_directory(config_path, ec)) return (fs::path(config_path) / "terraform.tfstate").string();
  fs::path parent = fs::path(config_path).parent_path();
  return (parent.empty() ? fs::path("terraform.tfstate") : parent / "terraform.tfstate").string();
}

std::string CloudPathFor(const std::string& state_path) { return state_path + ".cloud"; }

Result<engine::State> ReadStateFile(const std::string& path, const providers::Registry& registry) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return engine::State();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable("Failed to read state file " + path + ": " + std::strerror(errno));
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string json = buf.str();
  if (json.find_first_not_of(" \t\r\n") == std::string::npos) return engine::State();
  auto state = engine::State::FromJson(json, registry);
  if (!state.ok()) {
    return InvalidArgument("Failed to load state from " + path + ": " + state.status().message());
  }
  return state;
}

Status WriteFileAtomically(const std::string& path, const std::string& json) {
  const std::string temp = path + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("Failed to write state file " + temp + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < json.size()) {
    ssize_t n = ::write(fd, json.data() + done, json.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Unavailable("Failed to write state file " + temp + ": " + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return Unavailable("Failed to write state file " + temp + ": " + std::strerror(errno));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    return Unavailable("Failed to replace state file " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status WriteStateFile(const std::string& path, const engine::State& state) {
  return WriteFileAtomically(path, state.ToJson());
}

}  // namespace fw::cli
