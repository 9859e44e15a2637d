package ior

import (
	"slices"
	"strings"
)

// Registration schemes: the values of Registration.Scheme that the
// embedded rule packs (rules.DefaultPacks) and country profiles
// (duty.DefaultProfiles) look for. A party holding one lists it in its
// registrations, e.g. {"scheme": ior.SchemeEORI, "id": "DE123456789"}.
// Schemes are compared case-insensitively by the packs; any other scheme
// (EIN, VAT...) may be given and is carried, but no embedded rule reads it.
// RegistrationSchemes lists them all.
const (
	SchemeABN                   = "ABN"                     // AU: Australian Business Number
	SchemeACP                   = "ACP"                     // JP: Attorney for Customs Procedures of a non-resident importer
	SchemeAEClientCode          = "AE_CLIENT_CODE"          // AE: trade licence and emirate customs client code
	SchemeARCUIT                = "AR_CUIT"                 // AR: CUIT and ARCA fiscal key of a private addressee (personal courier regime)
	SchemeARImporterRegistry    = "AR_IMPORTER_REGISTRY"    // AR: Registro de Importadores y Exportadores (ARCA, Dirección General de Aduanas)
	SchemeAUAICIS               = "AU_AICIS"                // AU: business registered with the Australian Industrial Chemicals Introduction Scheme (importers of cosmetics and other industrial chemicals)
	SchemeBHCR                  = "BH_CR"                   // BH: Bahraini commercial registration
	SchemeBN                    = "BN"                      // CA: business number
	SchemeBNRM                  = "BN_RM"                   // CA: business number with an RM import-export program account
	SchemeCARMSecurity          = "CARM_SECURITY"           // CA: financial security posted in the CARM Client Portal
	SchemeCBP5106               = "CBP_5106"                // US: importer identity on CBP Form 5106
	SchemeCCID                  = "CCID"                    // AU: Customs Client Identifier
	SchemeCLSIIIVA              = "CL_SII_IVA"              // CL: seller or platform registered in the SII's simplified IVA system (remote sales up to USD 500)
	SchemeCNCBEC                = "CN_CBEC"                 // CN: sale through a registered cross-border e-commerce retail platform
	SchemeCNCustomsRegistration = "CN_CUSTOMS_REGISTRATION" // CN: consignee's record filing with China Customs
	SchemeCNPJ                  = "CNPJ"                    // BR: company taxpayer number
	SchemeCORUT                 = "CO_RUT"                  // CO: Registro Único Tributario (DIAN) with the importer's quality
	SchemeCPF                   = "CPF"                     // BR: individual taxpayer number
	SchemeCURP                  = "CURP"                    // MX: population registry code
	SchemeDORNC                 = "DO_RNC"                  // DO: Registro Nacional de Contribuyentes (DGII)
	SchemeCustomsBond           = "CUSTOMS_BOND"            // US: customs bond on CBP Form 301
	SchemeEGImportersRegister   = "EG_IMPORTERS_REGISTER"   // EG: Importers Register of the GOEIC
	SchemeEORI                  = "EORI"                    // EU, GB: Economic Operators Registration and Identification number
	SchemeEUResponsibleOperator = "EU_RESPONSIBLE_OPERATOR" // EU: economic operator established in the Union for consumer products
	SchemeIDNIBAPI              = "ID_NIB_API"              // ID: Nomor Induk Berusaha serving as importer identification (API) with customs access
	SchemeIEC                   = "IEC"                     // IN: Importer-Exporter Code from DGFT
	SchemeIOSS                  = "IOSS"                    // EU: Import One-Stop Shop VAT registration
	SchemeKHTRCQA               = "KH_TRC_QA"               // KH: Qualified Agent certificate of the Telecommunication Regulator of Cambodia (importers of radio and telecommunication equipment)
	SchemeKRClearanceCode       = "KR_CLEARANCE_CODE"       // KR: business customs clearance code on UNI-PASS
	SchemeKWImportLicence       = "KW_IMPORT_LICENCE"       // KW: Ministry of Commerce and Industry import licence and KCCI membership
	SchemeMARC                  = "MA_RC"                   // MA: Moroccan trade register (registre du commerce) number
	SchemeNZClientCode          = "NZ_CLIENT_CODE"          // NZ: customs client code
	SchemeOMCR                  = "OM_CR"                   // OM: Omani commercial registration and OCCI membership
	SchemePadronImportadores    = "PADRON_IMPORTADORES"     // MX: enrolment in the Padrón de Importadores
	SchemePERUC                 = "PE_RUC"                  // PE: Registro Único de Contribuyentes (SUNAT)
	SchemePHBOCAccreditation    = "PH_BOC_ACCREDITATION"    // PH: BIR Importer Clearance Certificate and Bureau of Customs accreditation
	SchemePCCC                  = "PCCC"                    // KR: Personal Customs Clearance Code
	SchemePRCID                 = "PRC_ID"                  // CN: the buyer's real-name PRC identity for cross-border e-commerce
	SchemeQACR                  = "QA_CR"                   // QA: Qatari commercial registration and Importers' Register entry
	SchemeRADAR                 = "RADAR"                   // BR: Siscomex habilitação (RADAR)
	SchemeRemessaConforme       = "REMESSA_CONFORME"        // BR: seller or marketplace certified in the Receita Federal's Remessa Conforme programme
	SchemeResidentAgent         = "RESIDENT_AGENT"          // US: resident agent of a non-resident corporation
	SchemeRFC                   = "RFC"                     // MX: Registro Federal de Contribuyentes
	SchemeSARSImporter          = "SARS_IMPORTER"           // ZA: SARS customs client registration as importer
	SchemeSACR                  = "SA_CR"                   // SA: Saudi commercial registration and ZATCA importer code
	SchemeSection33Agent        = "SECTION_33_AGENT"        // SG: section 33(1) agent of an overseas GST-registered person
	SchemeSGGST                 = "SG_GST"                  // SG: GST registration of an overseas vendor (low-value goods)
	SchemeTHCustomsRegistration = "TH_CUSTOMS_REGISTRATION" // TH: importer registered with Thai Customs (e-Customs)
	SchemeTRTaxNumber           = "TR_TAX_NUMBER"           // TR: Turkish tax number and customs registration
	SchemeUEN                   = "UEN"                     // SG: Unique Entity Number with an activated customs account
	SchemeUID                   = "UID"                     // CH: enterprise identification number (CHE-...)
	SchemeVOEC                  = "VOEC"                    // NO: VAT on E-Commerce registration
	SchemeZAID                  = "ZA_ID"                   // ZA: South African identity number of a private importer
	SchemeZATax                 = "ZA_TAX"                  // ZA: South African tax reference number
)

// registrationSchemes is every Scheme constant.
var registrationSchemes = []string{
	SchemeABN, SchemeACP, SchemeAEClientCode, SchemeARCUIT, SchemeARImporterRegistry, SchemeAUAICIS, SchemeBHCR, SchemeBN, SchemeBNRM, SchemeCARMSecurity, SchemeCBP5106,
	SchemeCCID, SchemeCLSIIIVA, SchemeCNCBEC, SchemeCNCustomsRegistration, SchemeCNPJ, SchemeCORUT, SchemeCPF, SchemeCURP, SchemeCustomsBond, SchemeDORNC,
	SchemeEGImportersRegister, SchemeEORI, SchemeEUResponsibleOperator, SchemeIDNIBAPI, SchemeIEC, SchemeIOSS, SchemeKHTRCQA, SchemeKRClearanceCode, SchemeKWImportLicence, SchemeMARC,
	SchemeNZClientCode, SchemeOMCR, SchemePCCC, SchemePERUC, SchemePHBOCAccreditation, SchemePRCID, SchemePadronImportadores, SchemeQACR, SchemeRADAR, SchemeRemessaConforme, SchemeRFC,
	SchemeResidentAgent, SchemeSACR, SchemeSARSImporter, SchemeSGGST, SchemeSection33Agent,
	SchemeTHCustomsRegistration, SchemeTRTaxNumber, SchemeUEN, SchemeUID, SchemeVOEC, SchemeZAID, SchemeZATax,
}

// RegistrationSchemes lists the registration schemes the embedded rule
// packs and profiles know (the Scheme constants), sorted. Each call returns
// a new slice.
func RegistrationSchemes() []string {
	out := slices.Clone(registrationSchemes)
	slices.Sort(out)
	return out
}

// NormalizeScheme is the one spelling of a registration scheme every
// comparison uses: upper case, as the Scheme constants are written. The
// rule packs compare schemes case-insensitively (has_registration); the
// calculator (de minimis schemes such as IOSS) and Party.Has compare the
// normalized spelling, so "ioss" counts the same everywhere.
func NormalizeScheme(s string) string { return strings.ToUpper(s) }
