// ReadZip and WriteZip: round trips, archives written by other software (Python's zipfile,
// embedded below), and every refusal with its RF code, on archives whose bytes are edited.
#include "archive/zip_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "archive/zip_writer.h"

namespace fw::archive {
namespace {

// Made with Python 3.11's zipfile: kPythonDeflated by ZipFile(io.BytesIO(), "w", ZIP_DEFLATED)
// and writestr(ZipInfo(name, (2024,5,1,12,0,0)), text) for main.tf, "modules/" (a directory
// entry) and modules/net/main.tf — sizes in the local headers. kPythonStreamed by ZipFile over a
// RawIOBase whose seekable() is False and ZipFile.open(ZipInfo(...), "w").write(...) for
// variables.tf (stored) and scripts/init.sh (deflated) — both with data descriptors (flag bit
// 3) and zero CRC and sizes in their local headers.
// 410 bytes
const unsigned char kPythonDeflated[] = {
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x48, 0x88,
    0xef, 0xf7, 0x28, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x6d, 0x61,
    0x69, 0x6e, 0x2e, 0x74, 0x66, 0xcb, 0xcd, 0x4f, 0x29, 0xcd, 0x49, 0x55, 0x50, 0xca, 0x4b, 0x2d,
    0x51, 0x52, 0xa8, 0xe6, 0x52, 0x50, 0x28, 0xce, 0x2f, 0x2d, 0x4a, 0x4e, 0x55, 0xb0, 0x55, 0x50,
    0xd2, 0xd3, 0xcf, 0x05, 0x4b, 0x16, 0xeb, 0x83, 0x24, 0xb9, 0x6a, 0xb9, 0x00, 0x50, 0x4b, 0x03,
    0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x6d, 0x6f, 0x64, 0x75, 0x6c,
    0x65, 0x73, 0x2f, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x60, 0xa1,
    0x58, 0xc5, 0xca, 0xeb, 0x00, 0x34, 0x00, 0x00, 0x00, 0x8d, 0x00, 0x00, 0x00, 0x13, 0x00, 0x00,
    0x00, 0x6d, 0x6f, 0x64, 0x75, 0x6c, 0x65, 0x73, 0x2f, 0x6e, 0x65, 0x74, 0x2f, 0x6d, 0x61, 0x69,
    0x6e, 0x2e, 0x74, 0x66, 0x2b, 0x4a, 0x2d, 0xce, 0x2f, 0x2d, 0x4a, 0x4e, 0x55, 0x50, 0x2a, 0x4a,
    0xcc, 0x4b, 0xc9, 0xcf, 0x8d, 0xcf, 0x4c, 0x51, 0x52, 0x50, 0xaa, 0x50, 0x52, 0xa8, 0xe6, 0x52,
    0x50, 0x48, 0xaa, 0x2c, 0x49, 0x8d, 0xcf, 0x49, 0xcd, 0x4b, 0x2f, 0xc9, 0x50, 0xb0, 0x55, 0x30,
    0xe1, 0xaa, 0xe5, 0x2a, 0xa2, 0xa9, 0x72, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00,
    0x00, 0x00, 0x08, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x48, 0x88, 0xef, 0xf7, 0x28, 0x00, 0x00, 0x00,
    0x2c, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6d, 0x61, 0x69, 0x6e, 0x2e, 0x74, 0x66, 0x50, 0x4b, 0x01,
    0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x4d, 0x00, 0x00, 0x00, 0x6d, 0x6f, 0x64, 0x75, 0x6c,
    0x65, 0x73, 0x2f, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
    0x60, 0xa1, 0x58, 0xc5, 0xca, 0xeb, 0x00, 0x34, 0x00, 0x00, 0x00, 0x8d, 0x00, 0x00, 0x00, 0x13,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x73, 0x00, 0x00,
    0x00, 0x6d, 0x6f, 0x64, 0x75, 0x6c, 0x65, 0x73, 0x2f, 0x6e, 0x65, 0x74, 0x2f, 0x6d, 0x61, 0x69,
    0x6e, 0x2e, 0x74, 0x66, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x03, 0x00,
    0xac, 0x00, 0x00, 0x00, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x00,
};

// 320 bytes
const unsigned char kPythonStreamed[] = {
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x76, 0x61,
    0x72, 0x69, 0x61, 0x62, 0x6c, 0x65, 0x73, 0x2e, 0x74, 0x66, 0x76, 0x61, 0x72, 0x69, 0x61, 0x62,
    0x6c, 0x65, 0x20, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x20, 0x7b, 0x0a, 0x20, 0x20, 0x64, 0x65,
    0x66, 0x61, 0x75, 0x6c, 0x74, 0x20, 0x3d, 0x20, 0x22, 0x78, 0x22, 0x0a, 0x7d, 0x0a, 0x50, 0x4b,
    0x07, 0x08, 0xd9, 0xc0, 0xaa, 0x6a, 0x24, 0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x50, 0x4b,
    0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00, 0x00, 0x60, 0xa1, 0x58, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x73, 0x63, 0x72, 0x69,
    0x70, 0x74, 0x73, 0x2f, 0x69, 0x6e, 0x69, 0x74, 0x2e, 0x73, 0x68, 0x53, 0x56, 0xd4, 0x4f, 0xca,
    0xcc, 0xd3, 0x2f, 0xce, 0xe0, 0x4a, 0x4d, 0xce, 0xc8, 0x57, 0xc8, 0x48, 0xcd, 0xc9, 0xc1, 0x42,
    0x72, 0x01, 0x00, 0x50, 0x4b, 0x07, 0x08, 0xdc, 0x3f, 0x72, 0x96, 0x18, 0x00, 0x00, 0x00, 0x27,
    0x00, 0x00, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00,
    0x60, 0xa1, 0x58, 0xd9, 0xc0, 0xaa, 0x6a, 0x24, 0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x0c,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x76, 0x61, 0x72, 0x69, 0x61, 0x62, 0x6c, 0x65, 0x73, 0x2e, 0x74, 0x66, 0x50, 0x4b, 0x01,
    0x02, 0x14, 0x03, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00, 0x00, 0x60, 0xa1, 0x58, 0xdc, 0x3f, 0x72,
    0x96, 0x18, 0x00, 0x00, 0x00, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x5e, 0x00, 0x00, 0x00, 0x73, 0x63, 0x72, 0x69, 0x70,
    0x74, 0x73, 0x2f, 0x69, 0x6e, 0x69, 0x74, 0x2e, 0x73, 0x68, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00,
    0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x77, 0x00, 0x00, 0x00, 0xb3, 0x00, 0x00, 0x00, 0x00, 0x00,
};

std::string Bytes(const unsigned char* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

std::string Zip(const std::map<std::string, std::string>& files,
                ZipMethod method = ZipMethod::kStored) {
  auto z = WriteZip(files, method);
  EXPECT_TRUE(z.ok()) << z.status().ToString();
  return z.ok() ? *z : std::string();
}

uint32_t Get32(const std::string& b, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[at + i]);
  return v;
}
uint16_t Get16(const std::string& b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | (static_cast<uint8_t>(b[at + 1]) << 8));
}
void Set16(std::string& b, size_t at, uint16_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>(v >> 8);
}
void Set32(std::string& b, size_t at, uint32_t v) {
  Set16(b, at, static_cast<uint16_t>(v & 0xFFFF));
  Set16(b, at + 2, static_cast<uint16_t>(v >> 16));
}

// Where the records of an archive without a comment are.
struct Layout {
  size_t end;                   // the end of central directory record
  size_t cd_offset;
  std::vector<size_t> central;  // each central header
  std::vector<size_t> local;    // each local header, in central order
};
Layout Parse(const std::string& z) {
  Layout l;
  l.end = z.size() - 22;
  EXPECT_EQ(Get32(z, l.end), 0x06054b50u);
  l.cd_offset = Get32(z, l.end + 16);
  size_t at = l.cd_offset;
  for (int i = 0; i < Get16(z, l.end + 10); ++i) {
    EXPECT_EQ(Get32(z, at), 0x02014b50u);
    l.central.push_back(at);
    l.local.push_back(Get32(z, at + 42));
    at += 46 + Get16(z, at + 28) + Get16(z, at + 30) + Get16(z, at + 32);
  }
  return l;
}

std::string CodeOf(const std::string& zip, const ZipLimits& limits = {}) {
  auto r = ReadZip(zip, limits);
  if (r.ok()) return "ok";
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  return r.status().service_code();
}

std::string MessageOf(const std::string& zip) {
  auto r = ReadZip(zip);
  return r.ok() ? "ok" : r.status().message();
}

TEST(ZipReaderTest, RoundTripsStoredAndDeflated) {
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  std::map<std::string, std::string> files = {
      {"main.tf", "resource \"random_id\" \"x\" {\n  byte_length = 4\n}\n"},
      {"modules/net/main.tf", std::string(3000, 'a')},
      {"empty.txt", ""},
      {"bin/blob", binary},
      {"\xE4\xB8\xAD\xE6\x96\x87/\xE6\xA8\xA1\xE6\x9D\xBF.tf", "# utf-8 names\n"},
  };
  for (ZipMethod method : {ZipMethod::kStored, ZipMethod::kDeflated}) {
    std::string zip = Zip(files, method);
    auto read = ReadZip(zip);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(*read, files);
    // Each entry's method is the one asked for; deflate really compresses the repetitive file.
    Layout l = Parse(zip);
    for (size_t c : l.central) {
      EXPECT_EQ(Get16(zip, c + 10), method == ZipMethod::kStored ? 0 : 8);
    }
    if (method == ZipMethod::kDeflated) {
      EXPECT_LT(zip.size(), 3000u + 5000u);
    }
  }
  // The same files give the same bytes.
  EXPECT_EQ(Zip(files, ZipMethod::kDeflated), Zip(files, ZipMethod::kDeflated));
}

TEST(ZipReaderTest, EmptyArchiveAndDirectoryEntries) {
  auto empty = ReadZip(Zip({}));
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_TRUE(empty->empty());
  auto dirs = ReadZip(Zip({{"modules/", ""}, {"modules/net/", ""}, {"modules/net/main.tf", "x"}}));
  ASSERT_TRUE(dirs.ok()) << dirs.status().ToString();
  EXPECT_EQ(*dirs, (ZipFiles{{"modules/net/main.tf", "x"}}));
}

TEST(ZipReaderTest, ReadsArchivesWrittenByPython) {
  auto a = ReadZip(Bytes(kPythonDeflated, sizeof kPythonDeflated));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  std::string resource = "resource \"random_id\" \"x\" {\n  byte_length = 4\n}\n";
  EXPECT_EQ(*a, (ZipFiles{{"main.tf", "module \"net\" {\n  source = \"./modules/net\"\n}\n"},
                          {"modules/net/main.tf", resource + resource + resource}}));
  auto b = ReadZip(Bytes(kPythonStreamed, sizeof kPythonStreamed));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(*b, (ZipFiles{{"variables.tf", "variable \"name\" {\n  default = \"x\"\n}\n"},
                          {"scripts/init.sh", "#!/bin/sh\necho hello hello hello hello\n"}}));
}

TEST(ZipReaderTest, FindsTheEndRecordBehindAComment) {
  std::string zip = Zip({{"main.tf", "x"}});
  std::string comment = "PK\x05\x06 a comment that looks like a signature";
  Set16(zip, zip.size() - 2, static_cast<uint16_t>(comment.size()));
  zip += comment;
  auto r = ReadZip(zip);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->at("main.tf"), "x");
  // Bytes after the declared comment: the record no longer ends the archive.
  EXPECT_EQ(CodeOf(zip + "junk"), "RF.10011102");
}

TEST(ZipReaderTest, RefusesTruncatedAndDamagedArchives) {
  std::string zip = Zip({{"a.tf", "hello"}, {"b.tf", "world"}});
  ASSERT_EQ(CodeOf(zip), "ok");
  EXPECT_EQ(CodeOf(""), "RF.10011102");
  EXPECT_EQ(CodeOf("not a zip archive at all, just some text"), "RF.10011102");
  EXPECT_EQ(CodeOf(zip.substr(0, zip.size() - 1)), "RF.10011102");
  EXPECT_EQ(CodeOf(zip.substr(0, zip.size() / 2)), "RF.10011102");
  // The end record kept, the data before it cut: the central directory is out of range.
  std::string tail = zip.substr(zip.size() - 22);
  EXPECT_EQ(CodeOf(zip.substr(0, 20) + tail), "RF.10011102");

  Layout l = Parse(zip);
  std::string bad_crc = zip;
  bad_crc[l.local[0] + 30 + 4] ^= 0x20;  // "hello" → "Hello"
  EXPECT_EQ(CodeOf(bad_crc), "RF.10011102");
  EXPECT_NE(MessageOf(bad_crc).find("CRC-32"), std::string::npos) << MessageOf(bad_crc);

  std::string bad_offset = zip;
  Set32(bad_offset, l.central[1] + 42, 0xFFFFFF00u);
  EXPECT_EQ(CodeOf(bad_offset), "RF.10011102");
  std::string bad_cd = zip;
  Set32(bad_cd, l.end + 16, static_cast<uint32_t>(l.cd_offset + 5));
  EXPECT_EQ(CodeOf(bad_cd), "RF.10011102");
  std::string bad_count = zip;
  Set16(bad_count, l.end + 8, 3);
  Set16(bad_count, l.end + 10, 3);
  EXPECT_EQ(CodeOf(bad_count), "RF.10011102");
  std::string other_name = zip;
  other_name[l.local[1] + 30] = 'c';  // the local header says c.tf, the central one b.tf
  EXPECT_EQ(CodeOf(other_name), "RF.10011102");
  std::string wrong_size = zip;  // stored: packed and unpacked sizes must agree
  Set32(wrong_size, l.local[0] + 22, 4);
  Set32(wrong_size, l.central[0] + 24, 4);
  EXPECT_EQ(CodeOf(wrong_size), "RF.10011102");
  std::string duplicate = zip;  // b.tf renamed a.tf in both headers
  duplicate[l.local[1] + 30] = 'a';
  duplicate[l.central[1] + 46] = 'a';
  EXPECT_EQ(CodeOf(duplicate), "RF.10011102");
  EXPECT_NE(MessageOf(duplicate).find("more than once"), std::string::npos);
  EXPECT_EQ(CodeOf(Zip({{"a", "x"}, {"a/b.tf", "y"}})), "RF.10011102");  // a file and a dir
}

TEST(ZipReaderTest, RefusesDamagedDeflateStreams) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "line " + std::to_string(i) + "\n";
  std::string zip = Zip({{"a.tf", text}}, ZipMethod::kDeflated);
  Layout l = Parse(zip);
  const uint32_t packed = Get32(zip, l.central[0] + 20);
  // The stream cut short (both headers say the shorter size).
  std::string cut = zip;
  Set32(cut, l.local[0] + 18, packed / 2);
  Set32(cut, l.central[0] + 20, packed / 2);
  EXPECT_EQ(CodeOf(cut), "RF.10011102");
  // Garbage where the stream starts.
  std::string garbage = zip;
  for (size_t i = 0; i < 8; ++i) garbage[l.local[0] + 34 + i] = static_cast<char>(0xFF);
  EXPECT_EQ(CodeOf(garbage), "RF.10011102");
  // A declared size smaller than what the stream gives (within the limits): wrong size.
  std::string smaller = zip;
  Set32(smaller, l.local[0] + 22, 100);
  Set32(smaller, l.central[0] + 24, 100);
  EXPECT_EQ(CodeOf(smaller), "RF.10011102");
  EXPECT_NE(MessageOf(smaller).find("declares"), std::string::npos) << MessageOf(smaller);
}

TEST(ZipReaderTest, RefusesZip64EncryptionAndOtherMethods) {
  std::string zip = Zip({{"main.tf", "x = 1"}});
  Layout l = Parse(zip);
  std::string encrypted = zip;
  Set16(encrypted, l.local[0] + 6, Get16(zip, l.local[0] + 6) | 1);
  Set16(encrypted, l.central[0] + 8, Get16(zip, l.central[0] + 8) | 1);
  EXPECT_EQ(CodeOf(encrypted), "RF.10011102");
  EXPECT_NE(MessageOf(encrypted).find("encrypted"), std::string::npos);
  std::string bzip2 = zip;
  Set16(bzip2, l.local[0] + 8, 12);
  Set16(bzip2, l.central[0] + 10, 12);
  EXPECT_EQ(CodeOf(bzip2), "RF.10011102");
  EXPECT_NE(MessageOf(bzip2).find("method 12"), std::string::npos) << MessageOf(bzip2);
  std::string zip64 = zip;
  Set16(zip64, l.end + 8, 0xFFFF);
  Set16(zip64, l.end + 10, 0xFFFF);
  EXPECT_EQ(CodeOf(zip64), "RF.10011102");
  EXPECT_NE(MessageOf(zip64).find("ZIP64"), std::string::npos);
  std::string zip64_entry = zip;
  Set32(zip64_entry, l.central[0] + 24, 0xFFFFFFFFu);
  EXPECT_EQ(CodeOf(zip64_entry), "RF.10011102");
  EXPECT_NE(MessageOf(zip64_entry).find("ZIP64"), std::string::npos);
}

TEST(ZipReaderTest, RefusesOverlappingEntries) {
  // a.bin's data is itself a complete local header of b.tf; the central directory's b.tf
  // points into it, so one range of bytes would be read twice.
  std::string inner = Zip({{"b.tf", "x"}});
  std::string inner_local = inner.substr(0, 30 + 4 + 1);
  std::string zip = Zip({{"a.bin", inner_local}, {"b.tf", "x"}});
  ASSERT_EQ(CodeOf(zip), "ok");
  Layout l = Parse(zip);
  Set32(zip, l.central[1] + 42, static_cast<uint32_t>(30 + 5));
  EXPECT_EQ(CodeOf(zip), "RF.10011102");
  EXPECT_NE(MessageOf(zip).find("overlap"), std::string::npos) << MessageOf(zip);
}

TEST(ZipReaderTest, RefusesBadPaths) {
  EXPECT_EQ(CodeOf(Zip({{"../x.tf", "x"}})), "RF.10011156");
  EXPECT_EQ(CodeOf(Zip({{"a/../../x.tf", "x"}})), "RF.10011156");
  EXPECT_EQ(CodeOf(Zip({{"./x.tf", "x"}})), "RF.10011156");
  EXPECT_EQ(CodeOf(Zip({{"a//x.tf", "x"}})), "RF.10011156");
  EXPECT_EQ(CodeOf(Zip({{"../", ""}})), "RF.10011156");
  EXPECT_EQ(CodeOf(Zip({{"/abs.tf", "x"}})), "RF.10011155");
  EXPECT_EQ(CodeOf(Zip({{"\\abs.tf", "x"}})), "RF.10011155");
  EXPECT_EQ(CodeOf(Zip({{"C:/abs.tf", "x"}})), "RF.10011155");
  EXPECT_EQ(CodeOf(Zip({{"a\\..\\..\\x.tf", "x"}})), "RF.10011083");
  EXPECT_EQ(CodeOf(Zip({{std::string("a\0b.tf", 6), "x"}})), "RF.10011102");
  EXPECT_EQ(CodeOf(Zip({{"bad\xFF.tf", "x"}})), "RF.10011102");
  // An empty name: the one-byte name "a" moved into the comment (central) and extra field
  // (local) by setting its length to 0.
  std::string zip = Zip({{"a", "x"}});
  Layout l = Parse(zip);
  Set16(zip, l.central[0] + 28, 0);
  Set16(zip, l.central[0] + 32, 1);
  Set16(zip, l.local[0] + 26, 0);
  Set16(zip, l.local[0] + 28, 1);
  EXPECT_EQ(CodeOf(zip), "RF.10011156");
}

TEST(ZipReaderTest, NameAndPathLengths) {
  std::string name255(255, 'n'), name256(256, 'n');
  EXPECT_EQ(CodeOf(Zip({{name255, "x"}})), "ok");
  EXPECT_EQ(CodeOf(Zip({{name256, "x"}})), "RF.10011152");
  EXPECT_EQ(CodeOf(Zip({{"dir/" + name256 + "/main.tf", "x"}})), "RF.10011152");
  EXPECT_EQ(CodeOf(Zip({{name256 + "/", ""}})), "RF.10011152");
  // Nine 200-byte directories, then a name: 1809 + 239 = 2048 bytes is the longest path.
  std::string dirs;
  for (int i = 0; i < 9; ++i) dirs += std::string(200, 'd') + "/";
  ASSERT_EQ(dirs.size(), 1809u);
  EXPECT_EQ(CodeOf(Zip({{dirs + std::string(239, 'f'), "x"}})), "ok");
  EXPECT_EQ(CodeOf(Zip({{dirs + std::string(240, 'f'), "x"}})), "RF.10011151");
  EXPECT_EQ(CodeOf(Zip({{dirs + std::string(240, 'f') + "/", ""}})), "RF.10011151");
}

TEST(ZipReaderTest, FileCountLimit) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 100; ++i) files["f" + std::to_string(i) + ".tf"] = "x";
  files["dir/"] = "";  // directory entries do not count
  files["dir/sub/"] = "";
  auto ok = ReadZip(Zip(files));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->size(), 100u);
  files["dir/f100.tf"] = "x";
  EXPECT_EQ(CodeOf(Zip(files)), "RF.10011041");
  ZipLimits three;
  three.max_files = 3;
  EXPECT_EQ(CodeOf(Zip({{"a", ""}, {"b", ""}, {"c", ""}}), three), "ok");
  EXPECT_EQ(CodeOf(Zip({{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}}), three), "RF.10011041");
}

TEST(ZipReaderTest, PackedAndUnpackedSizeLimits) {
  // Packed: the archive itself over 1 MB.
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < (1 << 20); ++i) {
    x = x * 1103515245u + 12345u;
    noise.push_back(static_cast<char>(x >> 24));
  }
  EXPECT_EQ(CodeOf(Zip({{"noise.bin", noise}})), "RF.10011042");
  // Unpacked: 1 MB + 1 of zeros deflates to little, but declares too much.
  std::string zeros((1 << 20) + 1, '\0');
  std::string bomb = Zip({{"zeros.bin", zeros}}, ZipMethod::kDeflated);
  ASSERT_LT(bomb.size(), 10000u);
  EXPECT_EQ(CodeOf(bomb), "RF.10011026");
  // Exactly 1 MB over two files is fine; one byte more is not.
  std::string half(1 << 19, 'h');
  EXPECT_EQ(CodeOf(Zip({{"a", half}, {"b", half}}, ZipMethod::kDeflated)), "ok");
  EXPECT_EQ(CodeOf(Zip({{"a", half}, {"b", half + "!"}}, ZipMethod::kDeflated)),
            "RF.10011026");
  // A bomb that lies: it declares 10 bytes and inflates past the limit. Refused as too large
  // (inflation stops at the limit; nothing past the declared size is kept).
  Layout l = Parse(bomb);
  Set32(bomb, l.local[0] + 22, 10);
  Set32(bomb, l.central[0] + 24, 10);
  EXPECT_EQ(CodeOf(bomb), "RF.10011026");
  ZipLimits small;
  small.max_unpacked_bytes = 1000;
  EXPECT_EQ(CodeOf(Zip({{"a", std::string(1001, 'a')}}, ZipMethod::kDeflated), small),
            "RF.10011026");
  small.max_packed_bytes = 100;
  EXPECT_EQ(CodeOf(Zip({{"a", std::string(101, 'a')}}), small), "RF.10011042");
}

}  // namespace
}  // namespace fw::archive
