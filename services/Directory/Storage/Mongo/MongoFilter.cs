using MongoDB.Bson;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// A MongoDB query over the users collection. When <see cref="Residual"/> is true it only
/// narrows, and the SCIM core's evaluator decides on each document it returns.
/// </summary>
public sealed record MongoFilter(BsonDocument Filter, bool Residual);
