# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'client_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ClientForm(object):
    def setupUi(self, ClientForm):
        if not ClientForm.objectName():
            ClientForm.setObjectName(u"ClientForm")
        self.main_layout = QVBoxLayout(ClientForm)
        self.main_layout.setObjectName(u"main_layout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.identity_group = QGroupBox(ClientForm)
        self.identity_group.setObjectName(u"identity_group")
        self.identity_group_layout = QFormLayout(self.identity_group)
        self.identity_group_layout.setObjectName(u"identity_group_layout")
        self.chart_number_label = QLabel(self.identity_group)
        self.chart_number_label.setObjectName(u"chart_number_label")

        self.identity_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.chart_number_label)

        self.chart_number = QLineEdit(self.identity_group)
        self.chart_number.setObjectName(u"chart_number")

        self.identity_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.chart_number)

        self.given_name_label = QLabel(self.identity_group)
        self.given_name_label.setObjectName(u"given_name_label")

        self.identity_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.given_name_label)

        self.given_name = QLineEdit(self.identity_group)
        self.given_name.setObjectName(u"given_name")

        self.identity_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.given_name)

        self.family_name_label = QLabel(self.identity_group)
        self.family_name_label.setObjectName(u"family_name_label")

        self.identity_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.family_name_label)

        self.family_name = QLineEdit(self.identity_group)
        self.family_name.setObjectName(u"family_name")

        self.identity_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.family_name)

        self.date_of_birth_label = QLabel(self.identity_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.identity_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_of_birth_label)

        self.date_of_birth = QLineEdit(self.identity_group)
        self.date_of_birth.setObjectName(u"date_of_birth")

        self.identity_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_of_birth)

        self.sex_label = QLabel(self.identity_group)
        self.sex_label.setObjectName(u"sex_label")

        self.identity_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex = QComboBox(self.identity_group)
        self.sex.addItem("")
        self.sex.addItem("")
        self.sex.addItem("")
        self.sex.addItem("")
        self.sex.setObjectName(u"sex")

        self.identity_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sex)

        self.phone_label = QLabel(self.identity_group)
        self.phone_label.setObjectName(u"phone_label")

        self.identity_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(self.identity_group)
        self.phone.setObjectName(u"phone")

        self.identity_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phone)

        self.email_label = QLabel(self.identity_group)
        self.email_label.setObjectName(u"email_label")

        self.identity_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(self.identity_group)
        self.email.setObjectName(u"email")

        self.identity_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.email)

        self.address_label = QLabel(self.identity_group)
        self.address_label.setObjectName(u"address_label")

        self.identity_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(self.identity_group)
        self.address.setObjectName(u"address")

        self.identity_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.address)


        self.columns.addWidget(self.identity_group)

        self.running_group = QGroupBox(ClientForm)
        self.running_group.setObjectName(u"running_group")
        self.running_group_layout = QFormLayout(self.running_group)
        self.running_group_layout.setObjectName(u"running_group_layout")
        self.dominant_leg_label = QLabel(self.running_group)
        self.dominant_leg_label.setObjectName(u"dominant_leg_label")

        self.running_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dominant_leg_label)

        self.dominant_leg = QComboBox(self.running_group)
        self.dominant_leg.addItem("")
        self.dominant_leg.addItem("")
        self.dominant_leg.addItem("")
        self.dominant_leg.setObjectName(u"dominant_leg")

        self.running_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dominant_leg)

        self.weekly_distance_km_label = QLabel(self.running_group)
        self.weekly_distance_km_label.setObjectName(u"weekly_distance_km_label")

        self.running_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.weekly_distance_km_label)

        self.weekly_distance_km = QLineEdit(self.running_group)
        self.weekly_distance_km.setObjectName(u"weekly_distance_km")

        self.running_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.weekly_distance_km)

        self.years_running_label = QLabel(self.running_group)
        self.years_running_label.setObjectName(u"years_running_label")

        self.running_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.years_running_label)

        self.years_running = QLineEdit(self.running_group)
        self.years_running.setObjectName(u"years_running")

        self.running_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.years_running)

        self.goal_event_label = QLabel(self.running_group)
        self.goal_event_label.setObjectName(u"goal_event_label")

        self.running_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.goal_event_label)

        self.goal_event = QLineEdit(self.running_group)
        self.goal_event.setObjectName(u"goal_event")

        self.running_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.goal_event)

        self.footwear_label = QLabel(self.running_group)
        self.footwear_label.setObjectName(u"footwear_label")

        self.running_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.footwear_label)

        self.footwear = QLineEdit(self.running_group)
        self.footwear.setObjectName(u"footwear")

        self.running_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.footwear)

        self.complaint_code_label = QLabel(self.running_group)
        self.complaint_code_label.setObjectName(u"complaint_code_label")

        self.running_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.complaint_code_label)

        self.complaint_code = QComboBox(self.running_group)
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.addItem("")
        self.complaint_code.setObjectName(u"complaint_code")

        self.running_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.complaint_code)

        self.complaint_label = QLabel(self.running_group)
        self.complaint_label.setObjectName(u"complaint_label")

        self.running_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.complaint_label)

        self.complaint = QPlainTextEdit(self.running_group)
        self.complaint.setObjectName(u"complaint")
        self.complaint.setTabChangesFocus(True)

        self.running_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.complaint)

        self.injury_history_label = QLabel(self.running_group)
        self.injury_history_label.setObjectName(u"injury_history_label")

        self.running_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.injury_history_label)

        self.injury_history = QPlainTextEdit(self.running_group)
        self.injury_history.setObjectName(u"injury_history")
        self.injury_history.setTabChangesFocus(True)

        self.running_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.injury_history)


        self.columns.addWidget(self.running_group)


        self.main_layout.addLayout(self.columns)

        self.problems = QLabel(ClientForm)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.main_layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(ClientForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.chart_number_label.setBuddy(self.chart_number)
        self.given_name_label.setBuddy(self.given_name)
        self.family_name_label.setBuddy(self.family_name)
        self.date_of_birth_label.setBuddy(self.date_of_birth)
        self.sex_label.setBuddy(self.sex)
        self.phone_label.setBuddy(self.phone)
        self.email_label.setBuddy(self.email)
        self.address_label.setBuddy(self.address)
        self.dominant_leg_label.setBuddy(self.dominant_leg)
        self.weekly_distance_km_label.setBuddy(self.weekly_distance_km)
        self.years_running_label.setBuddy(self.years_running)
        self.goal_event_label.setBuddy(self.goal_event)
        self.footwear_label.setBuddy(self.footwear)
        self.complaint_code_label.setBuddy(self.complaint_code)
        self.complaint_label.setBuddy(self.complaint)
        self.injury_history_label.setBuddy(self.injury_history)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ClientForm)

        QMetaObject.connectSlotsByName(ClientForm)
    # setupUi

    def retranslateUi(self, ClientForm):
        self.identity_group.setTitle(QCoreApplication.translate("ClientForm", u"Identity and contact", None))
        self.chart_number_label.setText(QCoreApplication.translate("ClientForm", u"C&hart number:", None))
#if QT_CONFIG(accessibility)
        self.chart_number.setAccessibleName(QCoreApplication.translate("ClientForm", u"Chart number", None))
#endif // QT_CONFIG(accessibility)
        self.chart_number.setPlaceholderText(QCoreApplication.translate("ClientForm", u"e.g. MA-0042", None))
        self.given_name_label.setText(QCoreApplication.translate("ClientForm", u"&Given name:", None))
#if QT_CONFIG(accessibility)
        self.given_name.setAccessibleName(QCoreApplication.translate("ClientForm", u"Given name", None))
#endif // QT_CONFIG(accessibility)
        self.family_name_label.setText(QCoreApplication.translate("ClientForm", u"&Family name:", None))
#if QT_CONFIG(accessibility)
        self.family_name.setAccessibleName(QCoreApplication.translate("ClientForm", u"Family name", None))
#endif // QT_CONFIG(accessibility)
        self.date_of_birth_label.setText(QCoreApplication.translate("ClientForm", u"&Date of birth:", None))
#if QT_CONFIG(accessibility)
        self.date_of_birth.setAccessibleName(QCoreApplication.translate("ClientForm", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.date_of_birth.setPlaceholderText(QCoreApplication.translate("ClientForm", u"YYYY-MM-DD", None))
        self.sex_label.setText(QCoreApplication.translate("ClientForm", u"&Sex:", None))
        self.sex.setItemText(0, QCoreApplication.translate("ClientForm", u"unknown", None))
        self.sex.setItemText(1, QCoreApplication.translate("ClientForm", u"female", None))
        self.sex.setItemText(2, QCoreApplication.translate("ClientForm", u"male", None))
        self.sex.setItemText(3, QCoreApplication.translate("ClientForm", u"other", None))

#if QT_CONFIG(accessibility)
        self.sex.setAccessibleName(QCoreApplication.translate("ClientForm", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label.setText(QCoreApplication.translate("ClientForm", u"Pho&ne:", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("ClientForm", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.email_label.setText(QCoreApplication.translate("ClientForm", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.email.setAccessibleName(QCoreApplication.translate("ClientForm", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.address_label.setText(QCoreApplication.translate("ClientForm", u"&Address:", None))
#if QT_CONFIG(accessibility)
        self.address.setAccessibleName(QCoreApplication.translate("ClientForm", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.running_group.setTitle(QCoreApplication.translate("ClientForm", u"Running profile and history", None))
        self.dominant_leg_label.setText(QCoreApplication.translate("ClientForm", u"Dominant &leg:", None))
        self.dominant_leg.setItemText(0, QCoreApplication.translate("ClientForm", u"unknown", None))
        self.dominant_leg.setItemText(1, QCoreApplication.translate("ClientForm", u"left", None))
        self.dominant_leg.setItemText(2, QCoreApplication.translate("ClientForm", u"right", None))

#if QT_CONFIG(accessibility)
        self.dominant_leg.setAccessibleName(QCoreApplication.translate("ClientForm", u"Dominant leg", None))
#endif // QT_CONFIG(accessibility)
        self.weekly_distance_km_label.setText(QCoreApplication.translate("ClientForm", u"&Weekly distance (km):", None))
#if QT_CONFIG(accessibility)
        self.weekly_distance_km.setAccessibleName(QCoreApplication.translate("ClientForm", u"Weekly distance (km)", None))
#endif // QT_CONFIG(accessibility)
        self.weekly_distance_km.setPlaceholderText(QCoreApplication.translate("ClientForm", u"e.g. 40", None))
        self.years_running_label.setText(QCoreApplication.translate("ClientForm", u"&Years running:", None))
#if QT_CONFIG(accessibility)
        self.years_running.setAccessibleName(QCoreApplication.translate("ClientForm", u"Years running", None))
#endif // QT_CONFIG(accessibility)
        self.years_running.setPlaceholderText(QCoreApplication.translate("ClientForm", u"e.g. 6", None))
        self.goal_event_label.setText(QCoreApplication.translate("ClientForm", u"G&oal event:", None))
#if QT_CONFIG(accessibility)
        self.goal_event.setAccessibleName(QCoreApplication.translate("ClientForm", u"Goal event", None))
#endif // QT_CONFIG(accessibility)
        self.goal_event.setPlaceholderText(QCoreApplication.translate("ClientForm", u"e.g. Marathon, October", None))
        self.footwear_label.setText(QCoreApplication.translate("ClientForm", u"Foo&twear:", None))
#if QT_CONFIG(accessibility)
        self.footwear.setAccessibleName(QCoreApplication.translate("ClientForm", u"Footwear", None))
#endif // QT_CONFIG(accessibility)
        self.complaint_code_label.setText(QCoreApplication.translate("ClientForm", u"&Presenting complaint:", None))
        self.complaint_code.setItemText(0, QCoreApplication.translate("ClientForm", u"not coded", None))
        self.complaint_code.setItemText(1, QCoreApplication.translate("ClientForm", u"Achilles tendon, mid-portion", None))
        self.complaint_code.setItemText(2, QCoreApplication.translate("ClientForm", u"Achilles tendon, insertional", None))
        self.complaint_code.setItemText(3, QCoreApplication.translate("ClientForm", u"Plantar heel pain", None))
        self.complaint_code.setItemText(4, QCoreApplication.translate("ClientForm", u"Patellofemoral pain", None))
        self.complaint_code.setItemText(5, QCoreApplication.translate("ClientForm", u"Lateral hip pain (gluteal tendinopathy)", None))
        self.complaint_code.setItemText(6, QCoreApplication.translate("ClientForm", u"Iliotibial band syndrome", None))
        self.complaint_code.setItemText(7, QCoreApplication.translate("ClientForm", u"Shin pain (medial tibial stress)", None))
        self.complaint_code.setItemText(8, QCoreApplication.translate("ClientForm", u"Proximal hamstring pain", None))
        self.complaint_code.setItemText(9, QCoreApplication.translate("ClientForm", u"Other", None))

#if QT_CONFIG(tooltip)
        self.complaint_code.setToolTip(QCoreApplication.translate("ClientForm", u"The complaint, coded: it steers the home program (drills held back or proposed for it). Describe it in your own words below.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.complaint_code.setAccessibleName(QCoreApplication.translate("ClientForm", u"Presenting complaint", None))
#endif // QT_CONFIG(accessibility)
        self.complaint_label.setText(QCoreApplication.translate("ClientForm", u"Current &complaint:", None))
#if QT_CONFIG(accessibility)
        self.complaint.setAccessibleName(QCoreApplication.translate("ClientForm", u"Current complaint", None))
#endif // QT_CONFIG(accessibility)
        self.injury_history_label.setText(QCoreApplication.translate("ClientForm", u"&Injury history:", None))
#if QT_CONFIG(accessibility)
        self.injury_history.setAccessibleName(QCoreApplication.translate("ClientForm", u"Injury history", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problems.setAccessibleName(QCoreApplication.translate("ClientForm", u"Problems", None))
#endif // QT_CONFIG(accessibility)
        self.problems.setText("")
        pass
    # retranslateUi

