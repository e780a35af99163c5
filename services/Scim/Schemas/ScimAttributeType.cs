namespace Identity.Scim.Schemas;

/// <summary>RFC 7643 §2.3 data types.</summary>
public enum ScimAttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Reference,
    Complex,
    Binary,
}
