// Generated from schemas/plan.schema.json by scripts/schema-data.mjs (npm run build): edit the
// schema, never this file. `as const` keeps the literal types that FromSchema reads.
export default {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Tệp kế hoạch kehoach, phiên bản 1",
  "description": "Một Kế hoạch hoặc Chương trình hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 (Quyết định 2013/QĐ-TTg, Công văn 404/BNG-NGVH-UNESCO). Khóa viết bằng tiếng Anh, nội dung viết tiếng Việt có dấu (Unicode). Khóa lạ bị báo lỗi.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version",
    "kind",
    "agency",
    "document",
    "bases",
    "purposes",
    "requirements",
    "tasks",
    "funding",
    "implementation",
    "reporting",
    "signer",
    "recipients",
    "archive"
  ],
  "properties": {
    "version": {
      "type": "integer",
      "title": "Phiên bản định dạng",
      "description": "Phiên bản định dạng tệp kế hoạch. Luôn viết 1.",
      "const": 1
    },
    "kind": {
      "type": "string",
      "title": "Loại văn bản",
      "description": "ke-hoach: KẾ HOẠCH (ký hiệu KH); chuong-trinh: CHƯƠNG TRÌNH (ký hiệu CTr).",
      "enum": [
        "ke-hoach",
        "chuong-trinh"
      ]
    },
    "agency": {
      "type": "object",
      "title": "Cơ quan ban hành",
      "description": "Cơ quan ban hành văn bản và cơ quan chủ quản (nếu có).",
      "additionalProperties": false,
      "required": [
        "name",
        "short",
        "sector",
        "place"
      ],
      "properties": {
        "parent": {
          "type": [
            "string",
            "null"
          ],
          "title": "Cơ quan chủ quản",
          "description": "Cơ quan cấp trên trực tiếp (không bắt buộc; để null nếu không có). In phía trên tên cơ quan ban hành, chữ in hoa, không đậm.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Bộ Văn hóa, Thể thao và Du lịch"
          ]
        },
        "name": {
          "type": "string",
          "title": "Tên cơ quan ban hành",
          "description": "Tên đầy đủ của cơ quan ban hành; in hoa, đậm ở góc trái tiêu đề.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Ủy ban nhân dân tỉnh Quảng Trị"
          ]
        },
        "short": {
          "type": "string",
          "title": "Chữ viết tắt của cơ quan",
          "description": "Phần tên cơ quan trong ký hiệu văn bản: với UBND, ký hiệu là Số: 45/KH-UBND.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "UBND",
            "BVHTTDL",
            "SNgV"
          ]
        },
        "sector": {
          "type": "string",
          "title": "Khối cơ quan",
          "description": "locality: địa phương (tỉnh, thành phố); ministry: bộ, ngành, cơ quan trung ương.",
          "enum": [
            "locality",
            "ministry"
          ]
        },
        "place": {
          "type": "string",
          "title": "Địa danh",
          "description": "Địa danh ghi ở dòng ngày tháng: «Quảng Trị, ngày 15 tháng 3 năm 2022».",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Quảng Trị",
            "Hà Nội"
          ]
        }
      }
    },
    "document": {
      "type": "object",
      "title": "Thông tin văn bản",
      "description": "Số, ngày, năm và trích yếu của văn bản. Cần ít nhất ngày ban hành hoặc năm.",
      "additionalProperties": false,
      "required": [
        "title"
      ],
      "properties": {
        "number": {
          "type": "integer",
          "title": "Số văn bản",
          "description": "Số của văn bản, một số nguyên từ 1 đến 99999, viết không có dấu ngoặc kép (số dưới 10 được in thêm số 0: 05). Bỏ trống để văn thư điền khi ban hành.",
          "minimum": 1,
          "maximum": 99999,
          "examples": [
            45
          ]
        },
        "date": {
          "type": "string",
          "title": "Ngày ban hành",
          "description": "Ngày ban hành theo dạng năm-tháng-ngày (YYYY-MM-DD), từ 2022-02-10 (ngày Công văn 404) đến 2030-12-31. Bỏ trống để in «ngày … tháng … năm …» cho văn thư điền.",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
          "examples": [
            "2022-03-15"
          ]
        },
        "year": {
          "type": "integer",
          "title": "Năm ban hành",
          "description": "Năm ban hành, từ 2022 đến 2030. Bắt buộc khi chưa có ngày ban hành; phải trùng với năm của ngày ban hành nếu có cả hai.",
          "minimum": 2022,
          "maximum": 2030,
          "examples": [
            2022
          ]
        },
        "title": {
          "type": "string",
          "title": "Trích yếu nội dung",
          "description": "Trích yếu in đậm dưới chữ KẾ HOẠCH/CHƯƠNG TRÌNH.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị"
          ]
        }
      }
    },
    "bases": {
      "type": "array",
      "title": "Căn cứ ban hành",
      "description": "Các văn bản làm căn cứ, in ở phần mở đầu (Thực hiện …/Căn cứ …). Phải có Quyết định số 2013/QĐ-TTg; nên có Công văn số 404/BNG-NGVH-UNESCO.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "string",
        "title": "Căn cứ",
        "description": "Tên đầy đủ một văn bản làm căn cứ.",
        "maxLength": 2000,
        "pattern": "\\S",
        "examples": [
          "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030"
        ]
      }
    },
    "purposes": {
      "type": "array",
      "title": "Mục đích",
      "description": "Mục I.1 Mục đích: mỗi mục là một đoạn văn. Cần ít nhất một mục.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "string",
        "title": "Đoạn mục đích",
        "description": "Một đoạn của phần Mục đích.",
        "maxLength": 2000,
        "pattern": "\\S"
      }
    },
    "requirements": {
      "type": "array",
      "title": "Yêu cầu",
      "description": "Mục I.2 Yêu cầu: mỗi mục là một đoạn văn. Cần ít nhất một mục.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "string",
        "title": "Đoạn yêu cầu",
        "description": "Một đoạn của phần Yêu cầu.",
        "maxLength": 2000,
        "pattern": "\\S"
      }
    },
    "tasks": {
      "type": "object",
      "title": "Nhiệm vụ, giải pháp",
      "description": "Mục II: năm nhóm nhiệm vụ ưu tiên của Công văn 404, theo thứ tự in. Nhóm nào cũng cần ít nhất một nhiệm vụ.",
      "additionalProperties": false,
      "required": [
        "alignment",
        "mobilization",
        "development",
        "dissemination",
        "pillars"
      ],
      "properties": {
        "alignment": {
          "type": "array",
          "title": "Bám sát, cụ thể hóa chủ trương và gắn kết với các chiến lược, kế hoạch",
          "description": "Nhóm 1 theo Công văn 404: bám sát Nghị quyết Đại hội XIII, gắn Chiến lược với các chiến lược, kế hoạch phát triển kinh tế - xã hội. Cần ít nhất một nhiệm vụ.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/definitions/task"
          }
        },
        "mobilization": {
          "type": "array",
          "title": "Huy động mọi chủ thể và nguồn lực",
          "description": "Nhóm 2 theo Công văn 404: người dân, doanh nghiệp vừa là đối tượng thụ hưởng vừa là đối tác. Cần ít nhất một nhiệm vụ.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/definitions/task"
          }
        },
        "development": {
          "type": "array",
          "title": "Ngoại giao văn hóa phục vụ phát triển",
          "description": "Nhóm 3 theo Công văn 404: hỗ trợ thu hút đầu tư, du lịch, xuất khẩu, xây dựng thương hiệu. Cần ít nhất một nhiệm vụ.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/definitions/task"
          }
        },
        "dissemination": {
          "type": "array",
          "title": "Phổ biến, tuyên truyền, nghiên cứu, tham mưu",
          "description": "Nhóm 4 theo Công văn 404: phổ biến Chiến lược, nghiên cứu, tham mưu, gắn với thông tin đối ngoại. Cần ít nhất một nhiệm vụ.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/definitions/task"
          }
        },
        "pillars": {
          "type": "array",
          "title": "Triển khai đồng bộ các nhiệm vụ “thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu”",
          "description": "Nhóm 5 theo Công văn 404; mỗi nhiệm vụ có thể ghi pillar: promote, integrate, publicize, advocate hoặc absorb. Nên phủ đủ cả năm. Cần ít nhất một nhiệm vụ.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/definitions/pillarTask"
          }
        }
      }
    },
    "funding": {
      "type": "array",
      "title": "Kinh phí thực hiện",
      "description": "Mục III: nguồn kinh phí, mỗi mục một đoạn. Cần ít nhất một mục.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "string",
        "title": "Đoạn kinh phí",
        "description": "Một đoạn của phần Kinh phí thực hiện.",
        "maxLength": 2000,
        "pattern": "\\S"
      }
    },
    "implementation": {
      "type": "array",
      "title": "Tổ chức thực hiện",
      "description": "Mục IV: nhiệm vụ của từng cơ quan. Cần ít nhất một cơ quan.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "object",
        "title": "Phân công cho một cơ quan",
        "description": "Một cơ quan và các việc được giao.",
        "additionalProperties": false,
        "required": [
          "agency",
          "duties"
        ],
        "properties": {
          "agency": {
            "type": "string",
            "title": "Cơ quan",
            "description": "Tên cơ quan được giao nhiệm vụ.",
            "maxLength": 2000,
            "pattern": "\\S",
            "examples": [
              "Sở Ngoại vụ"
            ]
          },
          "duties": {
            "type": "array",
            "title": "Nhiệm vụ của cơ quan",
            "description": "Các việc cơ quan này làm, mỗi việc một mục. Cần ít nhất một mục.",
            "minItems": 1,
            "maxItems": 500,
            "items": {
              "type": "string",
              "title": "Việc được giao",
              "description": "Một việc cơ quan này phải làm.",
              "maxLength": 2000,
              "pattern": "\\S"
            }
          }
        }
      }
    },
    "reporting": {
      "type": "object",
      "title": "Chế độ báo cáo",
      "description": "Kỳ báo cáo, hạn gửi và nơi nhận báo cáo.",
      "additionalProperties": false,
      "required": [
        "frequency",
        "due",
        "to"
      ],
      "properties": {
        "frequency": {
          "type": "string",
          "title": "Kỳ báo cáo",
          "description": "annual: hằng năm; semiannual: 6 tháng một lần; quarterly: hằng quý.",
          "enum": [
            "annual",
            "semiannual",
            "quarterly"
          ]
        },
        "due": {
          "type": "string",
          "title": "Hạn gửi báo cáo",
          "description": "Ngày/tháng hạn gửi báo cáo của mỗi kỳ, dạng dd/mm (hai chữ số mỗi phần), là một ngày có thật: 15/11.",
          "pattern": "^[0-9]{2}/[0-9]{2}$",
          "examples": [
            "15/11"
          ]
        },
        "to": {
          "type": "array",
          "title": "Nơi nhận báo cáo",
          "description": "Các cơ quan nhận báo cáo, mỗi cơ quan một mục. Cần ít nhất một mục.",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "type": "string",
            "title": "Cơ quan nhận báo cáo",
            "description": "Tên một cơ quan nhận báo cáo.",
            "maxLength": 2000,
            "pattern": "\\S",
            "examples": [
              "Bộ Ngoại giao"
            ]
          }
        }
      }
    },
    "signer": {
      "type": "object",
      "title": "Người ký",
      "description": "Thẩm quyền, chức vụ và họ tên người ký (Nghị định 30/2020/NĐ-CP).",
      "additionalProperties": false,
      "required": [
        "capacity",
        "title"
      ],
      "properties": {
        "capacity": {
          "type": "string",
          "title": "Thẩm quyền ký",
          "description": "TM: thay mặt tập thể (cần body); KT: ký thay (cần head); Q: quyền (cần head); TL: thừa lệnh (cần head); TUQ: thừa ủy quyền (cần head); none: người đứng đầu ký trực tiếp.",
          "enum": [
            "TM",
            "KT",
            "Q",
            "TL",
            "TUQ",
            "none"
          ]
        },
        "body": {
          "type": "string",
          "title": "Tập thể lãnh đạo",
          "description": "Tập thể đứng sau chữ TM. (TM. ỦY BAN NHÂN DÂN). Bắt buộc khi capacity là TM; có thể dùng cùng KT, Q, TL, TUQ.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Ủy ban nhân dân"
          ]
        },
        "head": {
          "type": "string",
          "title": "Chức danh người đứng đầu",
          "description": "Chức danh đứng sau KT./Q./TL./TUQ. (KT. CHỦ TỊCH). Bắt buộc khi capacity là KT, Q, TL hoặc TUQ.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Chủ tịch",
            "Bộ trưởng"
          ]
        },
        "title": {
          "type": "string",
          "title": "Chức vụ người ký",
          "description": "Chức vụ của chính người ký, in phía trên tên.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Phó Chủ tịch"
          ]
        },
        "name": {
          "type": "string",
          "title": "Họ và tên người ký",
          "description": "Họ tên người ký, không kèm học hàm, học vị. Có thể bỏ trống trong bản dự thảo.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Hoàng Nam"
          ]
        }
      }
    },
    "recipients": {
      "type": "array",
      "title": "Nơi nhận",
      "description": "Các nơi nhận văn bản theo thứ tự in, mỗi nơi một mục. Nên có Bộ Ngoại giao.",
      "minItems": 1,
      "maxItems": 500,
      "items": {
        "type": "string",
        "title": "Nơi nhận",
        "description": "Một nơi nhận, ví dụ «Bộ Ngoại giao (để báo cáo)».",
        "maxLength": 2000,
        "pattern": "\\S",
        "examples": [
          "Bộ Ngoại giao (để báo cáo)"
        ]
      }
    },
    "archive": {
      "type": "string",
      "title": "Lưu",
      "description": "Nơi lưu văn bản, in ở dòng cuối nơi nhận: «- Lưu: VT, KGVX.»",
      "maxLength": 2000,
      "pattern": "\\S",
      "examples": [
        "VT, KGVX"
      ]
    },
    "appendix": {
      "type": "boolean",
      "title": "Kèm Phụ lục",
      "description": "true (mặc định): in bảng nhiệm vụ thành Phụ lục khổ ngang; false: không in.",
      "default": true
    }
  },
  "definitions": {
    "task": {
      "type": "object",
      "title": "Nhiệm vụ",
      "description": "Một nhiệm vụ: nội dung, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện, sản phẩm.",
      "additionalProperties": false,
      "required": [
        "content",
        "lead"
      ],
      "properties": {
        "content": {
          "type": "string",
          "title": "Nội dung nhiệm vụ",
          "description": "Việc cần làm, viết thành một câu hoặc một đoạn (tối đa 4.000 ký tự). In ở mục II và ở cột «Nội dung nhiệm vụ» của Phụ lục.",
          "maxLength": 4000,
          "pattern": "\\S",
          "examples": [
            "Cụ thể hóa Chiến lược trong Kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh"
          ]
        },
        "lead": {
          "type": "string",
          "title": "Cơ quan chủ trì",
          "description": "Đúng một cơ quan chủ trì thực hiện nhiệm vụ. Không ghi lại cơ quan này trong «Cơ quan phối hợp».",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Sở Ngoại vụ"
          ]
        },
        "partners": {
          "type": "array",
          "title": "Cơ quan phối hợp",
          "description": "Các cơ quan phối hợp thực hiện (không bắt buộc), mỗi cơ quan một mục.",
          "maxItems": 500,
          "items": {
            "type": "string",
            "title": "Cơ quan phối hợp",
            "description": "Tên một cơ quan phối hợp.",
            "maxLength": 2000,
            "pattern": "\\S"
          }
        },
        "period": {
          "type": "string",
          "title": "Thời gian thực hiện",
          "description": "Viết tự do: «2022-2025», «Quý II/2023», «Hằng năm». Mọi năm ghi ở đây phải từ 2022 đến 2030. Nếu chỉ ghi một năm, đặt trong dấu ngoặc kép: \"2025\".",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Hằng năm",
            "2022-2025",
            "Quý II/2023"
          ]
        },
        "output": {
          "type": "string",
          "title": "Sản phẩm",
          "description": "Kết quả của nhiệm vụ (không bắt buộc), in ở cột «Sản phẩm» của Phụ lục.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Kế hoạch hằng năm"
          ]
        }
      }
    },
    "pillarTask": {
      "type": "object",
      "title": "Nhiệm vụ",
      "description": "Một nhiệm vụ: nội dung, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện, sản phẩm.",
      "additionalProperties": false,
      "required": [
        "content",
        "lead"
      ],
      "properties": {
        "content": {
          "type": "string",
          "title": "Nội dung nhiệm vụ",
          "description": "Việc cần làm, viết thành một câu hoặc một đoạn (tối đa 4.000 ký tự). In ở mục II và ở cột «Nội dung nhiệm vụ» của Phụ lục.",
          "maxLength": 4000,
          "pattern": "\\S",
          "examples": [
            "Cụ thể hóa Chiến lược trong Kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh"
          ]
        },
        "lead": {
          "type": "string",
          "title": "Cơ quan chủ trì",
          "description": "Đúng một cơ quan chủ trì thực hiện nhiệm vụ. Không ghi lại cơ quan này trong «Cơ quan phối hợp».",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Sở Ngoại vụ"
          ]
        },
        "partners": {
          "type": "array",
          "title": "Cơ quan phối hợp",
          "description": "Các cơ quan phối hợp thực hiện (không bắt buộc), mỗi cơ quan một mục.",
          "maxItems": 500,
          "items": {
            "type": "string",
            "title": "Cơ quan phối hợp",
            "description": "Tên một cơ quan phối hợp.",
            "maxLength": 2000,
            "pattern": "\\S"
          }
        },
        "pillar": {
          "type": "string",
          "title": "Nhiệm vụ trụ cột",
          "description": "Nhiệm vụ này thuộc trụ cột nào trong “thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu”: promote (thúc đẩy), integrate (hội nhập), publicize (quảng bá), advocate (vận động), absorb (tiếp thu). Không bắt buộc; chỉ nhiệm vụ trong nhóm pillars mới có.",
          "enum": [
            "promote",
            "integrate",
            "publicize",
            "advocate",
            "absorb"
          ]
        },
        "period": {
          "type": "string",
          "title": "Thời gian thực hiện",
          "description": "Viết tự do: «2022-2025», «Quý II/2023», «Hằng năm». Mọi năm ghi ở đây phải từ 2022 đến 2030. Nếu chỉ ghi một năm, đặt trong dấu ngoặc kép: \"2025\".",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Hằng năm",
            "2022-2025",
            "Quý II/2023"
          ]
        },
        "output": {
          "type": "string",
          "title": "Sản phẩm",
          "description": "Kết quả của nhiệm vụ (không bắt buộc), in ở cột «Sản phẩm» của Phụ lục.",
          "maxLength": 2000,
          "pattern": "\\S",
          "examples": [
            "Kế hoạch hằng năm"
          ]
        }
      }
    }
  }
} as const;
