#include "store/archive_stream.h"

#include "store/raw_archive.h"
#include "store/sqlite_db.h"

namespace pelo::store {

Status StreamArchive(const std::string& db_path,
                     const std::function<Status(const std::string&, std::string_view)>& fn) {
  PELO_ASSIGN_OR_RETURN(auto db, sqlite::Database::OpenForReading(db_path));
  // raw_responses_by_workout gives this order without sorting; NULL (no workout) sorts first.
  PELO_ASSIGN_OR_RETURN(sqlite::Statement q, db->Prepare(R"sql(
    SELECT path, body_zstd, raw_size FROM raw_responses ORDER BY workout_id, path)sql"));
  std::string body;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    const std::string path = q.Text(0);
    StatusOr<std::string> decompressed = Decompress(q.Blob(1), static_cast<size_t>(q.Int(2)));
    if (!decompressed.ok()) return decompressed.status().WithContext(db_path + ": " + path);
    PELO_RETURN_IF_ERROR(fn(path, *decompressed));
  }
}

Status StreamArchiveOf(const std::string& db_path, const std::vector<std::string>& workout_ids,
                       const std::function<Status(const std::string&, std::string_view)>& fn) {
  if (workout_ids.empty()) return OkStatus();
  PELO_ASSIGN_OR_RETURN(auto db, sqlite::Database::OpenForReading(db_path));
  PELO_ASSIGN_OR_RETURN(sqlite::Statement q, db->Prepare(R"sql(
    SELECT path, body_zstd, raw_size FROM raw_responses WHERE workout_id = ?1 ORDER BY path)sql"));
  for (const std::string& id : workout_ids) {
    q.Reset();
    q.Bind(1, id);
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      const std::string path = q.Text(0);
      StatusOr<std::string> body = Decompress(q.BlobView(1), static_cast<size_t>(q.Int(2)));
      if (!body.ok()) return body.status().WithContext(db_path + ": " + path);
      PELO_RETURN_IF_ERROR(fn(path, *body));
    }
  }
  return OkStatus();
}

}  // namespace pelo::store
