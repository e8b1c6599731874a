"""Chinese names of severities and categories, for outputs an editor reads (HTML, Word comments)."""

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

CATEGORY_LABELS = {
    "leader": "领导人姓名职务",
    "name": "机构名称",
    "formulation": "规范表述",
    "sensitive": "敏感词",
    "typo": "错别字",
    "typography": "标点格式",
    "privacy": "个人信息",
    "secrecy": "涉密信息",
}
